import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, isNull } from "drizzle-orm";

export interface MemberRole {
  id: string;
  key: string;
  name: string;
  position: number;
}

/** What one member holds in a hub: roles (highest first), their permissions and top position. */
export interface Authority {
  roles: MemberRole[];
  permissions: string[];
  /** Position of the highest role; -1 without roles. */
  highest: number;
}

const roleColumns = {
  id: schema.hubRoles.id,
  key: schema.hubRoles.key,
  name: schema.hubRoles.name,
  position: schema.hubRoles.position,
  permissions: schema.hubRoles.permissions,
};

/** Role rows (highest first, with their permission lists) as an authority. */
function authorityOf(rows: (MemberRole & { permissions: string[] })[]): Authority {
  return {
    roles: rows.map(({ permissions: _, ...role }) => role),
    permissions: [...new Set(rows.flatMap((row) => row.permissions))],
    highest: rows[0]?.position ?? -1,
  };
}

/** One query: the member's roles in the hub with their permission lists. */
export async function memberAuthority(
  db: DbOrTx,
  hubId: string,
  userId: string,
): Promise<Authority> {
  const rows = await db
    .select(roleColumns)
    .from(schema.hubMemberRoles)
    .innerJoin(schema.hubRoles, eq(schema.hubRoles.id, schema.hubMemberRoles.roleId))
    .where(and(eq(schema.hubMemberRoles.hubId, hubId), eq(schema.hubMemberRoles.userId, userId)))
    .orderBy(desc(schema.hubRoles.position));
  return authorityOf(rows);
}

export type Hub = typeof schema.hubs.$inferSelect;

/**
 * One query for what every hub request needs: an active (not archived) hub,
 * by slug or id, and the user's authority there (null when not a member).
 * Undefined when there is no such hub.
 */
export async function hubMembership(
  db: DbOrTx,
  hub: { slug: string } | { id: string },
  userId: string,
): Promise<{ hub: Hub; authority: Authority | null } | undefined> {
  const { hubs, hubMemberships: members, hubMemberRoles: memberRoles, hubRoles: roles } = schema;
  const rows = await db
    .select({ hub: hubs, memberId: members.id, role: roleColumns })
    .from(hubs)
    .leftJoin(members, and(eq(members.hubId, hubs.id), eq(members.userId, userId)))
    // Roles count only for a member (the join on members.user_id is null otherwise).
    .leftJoin(
      memberRoles,
      and(eq(memberRoles.hubId, hubs.id), eq(memberRoles.userId, members.userId)),
    )
    .leftJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(
      and(
        "slug" in hub ? eq(hubs.slug, hub.slug.toLowerCase()) : eq(hubs.id, hub.id),
        isNull(hubs.archivedAt),
      ),
    )
    .orderBy(desc(roles.position));
  const [first] = rows;
  if (!first) return undefined;
  const held = rows.flatMap((row) => (row.role?.id ? [row.role] : []));
  return { hub: first.hub, authority: first.memberId ? authorityOf(held) : null };
}
