import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { ALL_PERMISSIONS, isPermission, permissions as registry } from "@guildhall/permissions";
import { and, count, desc, eq } from "drizzle-orm";
import { assertRoleBelow, auditBase, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";

export interface RoleInput {
  name: string;
  position: number;
  permissions: string[];
  discordRoleId?: string | null;
}

/** A hub's roles, highest first, with how many members hold each. */
export async function listRoles(db: DbOrTx, hubId: string) {
  const holders = db
    .select({ roleId: schema.hubMemberRoles.roleId, members: count().as("members") })
    .from(schema.hubMemberRoles)
    .where(eq(schema.hubMemberRoles.hubId, hubId))
    .groupBy(schema.hubMemberRoles.roleId)
    .as("holders");
  const rows = await db
    .select({
      id: schema.hubRoles.id,
      key: schema.hubRoles.key,
      name: schema.hubRoles.name,
      position: schema.hubRoles.position,
      permissions: schema.hubRoles.permissions,
      discordRoleId: schema.hubRoles.discordRoleId,
      system: schema.hubRoles.system,
      members: holders.members,
    })
    .from(schema.hubRoles)
    .leftJoin(holders, eq(holders.roleId, schema.hubRoles.id))
    .where(eq(schema.hubRoles.hubId, hubId))
    .orderBy(desc(schema.hubRoles.position));
  return rows.map((row) => ({ ...row, members: Number(row.members ?? 0) }));
}

export async function getRole(db: DbOrTx, hubId: string, roleId: string) {
  const [role] = await db
    .select()
    .from(schema.hubRoles)
    .where(and(eq(schema.hubRoles.hubId, hubId), eq(schema.hubRoles.id, roleId)))
    .limit(1);
  if (!role) throw new AppError("ROLE_NOT_FOUND");
  return role;
}

/** Nobody hands out what they do not have themselves (super admins have everything). */
function checkPermissions(actor: HubActor, permissions: string[]): string[] {
  const unknown = permissions.filter((p) => p !== ALL_PERMISSIONS && !isPermission(p));
  if (unknown.length > 0)
    throw new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { permissions: ["errors.validationFailed"] }, details: { unknown } },
    );
  if (!actor.superAdmin) {
    const wanted = permissions.includes(ALL_PERMISSIONS)
      ? registry.map((info) => info.key)
      : permissions;
    const missing = wanted.filter((p) => !actor.permissions.has(p));
    if (missing.length > 0)
      throw new AppError(
        "PERMISSION_DENIED",
        { permission: missing[0]! },
        { details: { permission: missing[0]! } },
      );
  }
  return [...new Set(permissions)];
}

function keyFrom(name: string): string {
  const key = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return key || "role";
}

/** Creates a role below the actor's highest; audited. */
export async function createRole(db: Database, actor: HubActor, input: RoleInput) {
  assertRoleBelow(actor, input.position);
  const permissions = checkPermissions(actor, input.permissions);
  return db.transaction(async (tx) => {
    let key = keyFrom(input.name);
    const taken = await tx
      .select({ key: schema.hubRoles.key })
      .from(schema.hubRoles)
      .where(eq(schema.hubRoles.hubId, actor.hubId));
    const keys = new Set(taken.map((row) => row.key));
    for (let n = 2; keys.has(key); n++) key = `${keyFrom(input.name)}-${n}`;
    const [role] = await tx
      .insert(schema.hubRoles)
      .values({
        hubId: actor.hubId,
        key,
        name: input.name,
        position: input.position,
        permissions,
        discordRoleId: input.discordRoleId ?? null,
      })
      .returning();
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "role.create",
      targetType: "role",
      targetId: role!.id,
      after: { key, name: input.name, position: input.position, permissions },
    });
    return role!;
  });
}

/** Edits a role below the actor's highest (and keeps it below). The owner role's permissions stay "all". */
export async function updateRole(
  db: Database,
  actor: HubActor,
  roleId: string,
  input: Partial<RoleInput>,
) {
  return db.transaction(async (tx) => {
    const role = await getRole(tx, actor.hubId, roleId);
    assertRoleBelow(actor, role.position);
    if (input.position !== undefined) assertRoleBelow(actor, input.position);
    const permissions =
      input.permissions === undefined ? undefined : checkPermissions(actor, input.permissions);
    if (role.key === "owner" && permissions !== undefined) throw new AppError("SYSTEM_ROLE");
    const [updated] = await tx
      .update(schema.hubRoles)
      .set({
        name: input.name ?? role.name,
        position: input.position ?? role.position,
        permissions: permissions ?? role.permissions,
        discordRoleId: input.discordRoleId === undefined ? role.discordRoleId : input.discordRoleId,
      })
      .where(eq(schema.hubRoles.id, role.id))
      .returning();
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "role.update",
      targetType: "role",
      targetId: role.id,
      before: {
        name: role.name,
        position: role.position,
        permissions: role.permissions,
        discordRoleId: role.discordRoleId,
      },
      after: {
        name: updated!.name,
        position: updated!.position,
        permissions: updated!.permissions,
        discordRoleId: updated!.discordRoleId,
      },
    });
    return updated!;
  });
}

/** Deletes a custom role below the actor's highest; members holding it lose it. */
export async function deleteRole(db: Database, actor: HubActor, roleId: string) {
  await db.transaction(async (tx) => {
    const role = await getRole(tx, actor.hubId, roleId);
    assertRoleBelow(actor, role.position);
    if (role.system) throw new AppError("SYSTEM_ROLE");
    await tx.delete(schema.hubRoles).where(eq(schema.hubRoles.id, role.id));
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "role.delete",
      targetType: "role",
      targetId: role.id,
      before: { key: role.key, name: role.name, position: role.position },
    });
  });
}
