import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { countsBySite, memberJoin } from "./site-counts";

const { sites, siteUsers, streams, hubMemberships } = schema;

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
