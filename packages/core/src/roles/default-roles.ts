import { schema, type DbOrTx } from "@guildhall/db";
import { defaultRoles, type DefaultRoleKey } from "@guildhall/permissions";

/** Creates a new hub's default roles; returns their ids by key. */
export async function createDefaultRoles(
  tx: DbOrTx,
  hubId: string,
): Promise<Record<DefaultRoleKey, string>> {
  const rows = await tx
    .insert(schema.hubRoles)
    .values(
      defaultRoles.map((role) => ({
        hubId,
        key: role.key,
        name: role.name,
        position: role.position,
        permissions: [...role.permissions],
        system: true,
      })),
    )
    .returning({ id: schema.hubRoles.id, key: schema.hubRoles.key });
  return Object.fromEntries(rows.map((row) => [row.key, row.id])) as Record<DefaultRoleKey, string>;
}
