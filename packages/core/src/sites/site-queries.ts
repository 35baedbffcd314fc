import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, count, desc, eq, inArray, lt } from "drizzle-orm";
import { AppError } from "../errors";

const { sites, siteUsers, streams, hubMemberships, users } = schema;

export type Site = typeof sites.$inferSelect;
export type Stream = typeof streams.$inferSelect;

/**
 * The site with this id in this hub; a site of another hub is SITE_NOT_FOUND like a
 * missing one. Writes that attach rows to the site pass `lock` (in a
 * transaction), so a concurrent deletion waits for them or they see it gone.
 */
export async function requireSite(
  db: DbOrTx,
  hubId: string,
  siteId: string,
  lock?: "key share" | "update",
): Promise<Site> {
  const query = db
    .select()
    .from(sites)
    .where(and(eq(sites.hubId, hubId), eq(sites.id, siteId)))
    .limit(1);
  const [site] = lock ? await query.for(lock) : await query;
  if (!site) throw new AppError("SITE_NOT_FOUND");
  return site;
}

/** Site assignments count only while the user is still a member of the hub. */
const memberJoin = and(
  eq(hubMemberships.hubId, siteUsers.hubId),
  eq(hubMemberships.userId, siteUsers.userId),
);

async function countsBySite(db: DbOrTx, hubId: string, siteIds: string[]) {
  if (siteIds.length === 0)
    return { users: new Map<string, number>(), streams: new Map<string, number>() };
  const [userRows, streamRows] = await Promise.all([
    db
      .select({ siteId: siteUsers.siteId, n: count() })
      .from(siteUsers)
      .innerJoin(hubMemberships, memberJoin)
      .where(and(eq(siteUsers.hubId, hubId), inArray(siteUsers.siteId, siteIds)))
      .groupBy(siteUsers.siteId),
    db
      .select({ siteId: streams.siteId, n: count() })
      .from(streams)
      .where(and(eq(streams.hubId, hubId), inArray(streams.siteId, siteIds)))
      .groupBy(streams.siteId),
  ]);
  return {
    users: new Map(userRows.map((r) => [r.siteId, r.n])),
    streams: new Map<string, number>(streamRows.map((r) => [r.siteId, r.n])),
  };
}

/** The hub's sites, newest first (keyset paging on the time-ordered id), with their counts. */
export async function listSites(
  db: DbOrTx,
  input: { hubId: string; cursor?: string; limit: number },
) {
  const rows = await db
    .select()
    .from(sites)
    .where(and(eq(sites.hubId, input.hubId), input.cursor ? lt(sites.id, input.cursor) : undefined))
    .orderBy(desc(sites.id))
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const counts = await countsBySite(
    db,
    input.hubId,
    page.map((s) => s.id),
  );
  return {
    items: page.map((site) => ({
      ...site,
      userCount: counts.users.get(site.id) ?? 0,
      streamCount: counts.streams.get(site.id) ?? 0,
    })),
    nextCursor: more ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The users assigned to a site (hub members only), by username. */
export async function listSiteUsers(db: DbOrTx, hubId: string, siteId: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      addedAt: siteUsers.addedAt,
    })
    .from(siteUsers)
    .innerJoin(hubMemberships, memberJoin)
    .innerJoin(users, eq(users.id, siteUsers.userId))
    .where(and(eq(siteUsers.hubId, hubId), eq(siteUsers.siteId, siteId)))
    .orderBy(asc(users.username));
}

/** One site with its assigned users and stream count. */
export async function getSite(db: DbOrTx, hubId: string, siteId: string) {
  const site = await requireSite(db, hubId, siteId);
  const [assigned, counts] = await Promise.all([
    listSiteUsers(db, hubId, siteId),
    countsBySite(db, hubId, [siteId]),
  ]);
  return { ...site, users: assigned, streamCount: counts.streams.get(siteId) ?? 0 };
}

/** A site's stream configurations, by name. */
export async function listStreams(db: DbOrTx, hubId: string, siteId: string): Promise<Stream[]> {
  await requireSite(db, hubId, siteId);
  return db
    .select()
    .from(streams)
    .where(and(eq(streams.hubId, hubId), eq(streams.siteId, siteId)))
    .orderBy(asc(streams.name));
}

/**
 * The sites a user is assigned to in a hub, each with its streams: being
 * assigned to a site is what lets a plain member read it.
 */
export async function listUserSites(db: DbOrTx, hubId: string, userId: string) {
  const mine = await db
    .select({ site: sites })
    .from(siteUsers)
    .innerJoin(hubMemberships, memberJoin)
    .innerJoin(sites, eq(sites.id, siteUsers.siteId))
    .where(and(eq(siteUsers.hubId, hubId), eq(siteUsers.userId, userId)))
    .orderBy(asc(sites.name));
  const ids = mine.map((row) => row.site.id);
  const rows = ids.length
    ? await db
        .select()
        .from(streams)
        .where(and(eq(streams.hubId, hubId), inArray(streams.siteId, ids)))
        .orderBy(asc(streams.name))
    : [];
  return mine.map(({ site }) => ({
    ...site,
    streams: rows.filter((stream) => stream.siteId === site.id),
  }));
}

/** How many streams the hub has and may have (seed 001's group stream limit). */
export async function streamUsage(db: DbOrTx, hubId: string) {
  const [hub] = await db
    .select({ limit: schema.hubs.streamLimit })
    .from(schema.hubs)
    .where(eq(schema.hubs.id, hubId))
    .limit(1);
  if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: hubId });
  const [used] = await db.select({ n: count() }).from(streams).where(eq(streams.hubId, hubId));
  return { used: used?.n ?? 0, limit: hub.limit };
}
