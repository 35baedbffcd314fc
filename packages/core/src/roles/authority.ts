import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq } from "drizzle-orm";

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

/** One query: the member's roles in the hub with their permission lists. */
export async function memberAuthority(
  db: DbOrTx,
  hubId: string,
  userId: string,
): Promise<Authority> {
  const rows = await db
    .select({
      id: schema.hubRoles.id,
      key: schema.hubRoles.key,
      name: schema.hubRoles.name,
      position: schema.hubRoles.position,
      permissions: schema.hubRoles.permissions,
    })
    .from(schema.hubMemberRoles)
    .innerJoin(schema.hubRoles, eq(schema.hubRoles.id, schema.hubMemberRoles.roleId))
    .where(and(eq(schema.hubMemberRoles.hubId, hubId), eq(schema.hubMemberRoles.userId, userId)))
    .orderBy(desc(schema.hubRoles.position));
  return {
    roles: rows.map(({ permissions: _, ...role }) => role),
    permissions: [...new Set(rows.flatMap((row) => row.permissions))],
    highest: rows[0]?.position ?? -1,
  };
}
