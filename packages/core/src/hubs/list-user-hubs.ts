import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";
import { hubLogoUrl } from "./logo";

/** The active hubs a user belongs to, with their highest role there and logo, by name. */
export async function listUserHubs(db: DbOrTx, userId: string) {
  const { hubs, hubMemberships, hubMemberRoles, hubRoles } = schema;
  const topRole = sql<string | null>`(
    select ${hubRoles.key} from ${hubMemberRoles}
    join ${hubRoles} on ${hubRoles.id} = ${hubMemberRoles.roleId}
    where ${hubMemberRoles.hubId} = ${hubs.id} and ${hubMemberRoles.userId} = ${userId}
    order by ${hubRoles.position} desc limit 1)`;
  const rows = await db
    .select({
      id: hubs.id,
      slug: hubs.slug,
      name: hubs.name,
      description: hubs.description,
      logoKey: hubs.logoKey,
      role: topRole,
      joinedAt: hubMemberships.joinedAt,
    })
    .from(hubMemberships)
    .innerJoin(hubs, eq(hubs.id, hubMemberships.hubId))
    .where(and(eq(hubMemberships.userId, userId), isNull(hubs.archivedAt)))
    .orderBy(asc(hubs.name));
  return rows.map(({ logoKey, ...hub }) => ({ ...hub, logoUrl: hubLogoUrl(logoKey) }));
}

/**
 * Archived hubs the principal may restore: every archived hub for super admins,
 * else those where they hold the owner role. By name.
 */
export async function listRestorableHubs(
  db: DbOrTx,
  principal: { userId: string; superAdmin: boolean },
) {
  const { hubs, hubMemberRoles, hubRoles } = schema;
  const owned = sql`exists (
    select 1 from ${hubMemberRoles}
    join ${hubRoles} on ${hubRoles.id} = ${hubMemberRoles.roleId}
    where ${hubMemberRoles.hubId} = ${hubs.id} and ${hubMemberRoles.userId} = ${principal.userId}
      and ${hubRoles.key} = 'owner')`;
  return db
    .select({
      id: hubs.id,
      slug: hubs.slug,
      name: hubs.name,
      archivedAt: hubs.archivedAt,
    })
    .from(hubs)
    .where(and(isNotNull(hubs.archivedAt), principal.superAdmin ? undefined : owned))
    .orderBy(asc(hubs.name))
    .limit(200)
    .then((rows) => rows.map((row) => ({ ...row, archivedAt: row.archivedAt! })));
}
