import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, desc, eq, isNull } from "drizzle-orm";

/** One hub a user belongs to, with their roles (highest first) and the permissions those roles store. */
export interface UserMembership {
  hubId: string;
  hubSlug: string;
  /** Role keys, highest first. */
  roles: string[];
  /** Permissions as stored on the roles (not yet expanded; see `grantsFrom`). */
  permissions: string[];
}

/**
 * Every active hub a user belongs to with their roles there, in one query
 * (the same role rows `memberAuthority` reads for one hub).
 */
export async function userMemberships(db: DbOrTx, userId: string): Promise<UserMembership[]> {
  const { hubs, hubMemberships, hubMemberRoles, hubRoles } = schema;
  const rows = await db
    .select({
      hubId: hubs.id,
      hubSlug: hubs.slug,
      roleKey: hubRoles.key,
      permissions: hubRoles.permissions,
    })
    .from(hubMemberships)
    .innerJoin(hubs, eq(hubs.id, hubMemberships.hubId))
    .leftJoin(
      hubMemberRoles,
      and(eq(hubMemberRoles.hubId, hubMemberships.hubId), eq(hubMemberRoles.userId, userId)),
    )
    .leftJoin(hubRoles, eq(hubRoles.id, hubMemberRoles.roleId))
    .where(and(eq(hubMemberships.userId, userId), isNull(hubs.archivedAt)))
    .orderBy(asc(hubs.slug), desc(hubRoles.position));
  const byHub = new Map<string, UserMembership>();
  for (const row of rows) {
    let entry = byHub.get(row.hubId);
    if (!entry) {
      entry = { hubId: row.hubId, hubSlug: row.hubSlug, roles: [], permissions: [] };
      byHub.set(row.hubId, entry);
    }
    if (row.roleKey !== null) entry.roles.push(row.roleKey);
    for (const permission of row.permissions ?? [])
      if (!entry.permissions.includes(permission)) entry.permissions.push(permission);
  }
  return [...byHub.values()];
}
