import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, lt } from "drizzle-orm";
import {
  assertMemberBelow,
  assertRoleBelow,
  auditBase,
  getMembership,
  memberAuthority,
  recordAudit,
  type HubActor,
} from "../access";
import { AppError } from "../errors";
import { getRole } from "./manage-roles";

/** The target must be a member; acting on yourself is allowed, on others only below you. */
async function targetMember(tx: DbOrTx, actor: HubActor, userId: string) {
  if (!(await getMembership(tx, actor.hubId, userId))) throw new AppError("MEMBER_NOT_FOUND");
  const authority = await memberAuthority(tx, actor.hubId, userId);
  if (userId !== actor.userId) assertMemberBelow(actor, authority.highest);
  return authority;
}

async function ownersLeft(tx: DbOrTx, hubId: string, roleId: string) {
  const rows = await tx
    .select({ userId: schema.hubMemberRoles.userId })
    .from(schema.hubMemberRoles)
    .where(and(eq(schema.hubMemberRoles.hubId, hubId), eq(schema.hubMemberRoles.roleId, roleId)));
  return rows.length;
}

/** Grants a role below the actor's highest to a member below the actor; role history + audit. */
export async function assignRole(db: Database, actor: HubActor, userId: string, roleId: string) {
  await db.transaction(async (tx) => {
    const role = await getRole(tx, actor.hubId, roleId);
    assertRoleBelow(actor, role.position);
    const authority = await targetMember(tx, actor, userId);
    if (authority.roles.some((held) => held.id === role.id)) return;
    await tx
      .insert(schema.hubMemberRoles)
      .values({ hubId: actor.hubId, userId, roleId: role.id, grantedBy: actor.userId });
    await tx.insert(schema.roleHistory).values({
      hubId: actor.hubId,
      userId,
      roleKey: role.key,
      action: "grant",
      actorId: actor.userId,
    });
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.role.grant",
      targetType: "member",
      targetId: userId,
      after: { role: role.key },
    });
  });
}

/** Removes a role (same reach rules); the hub's last owner keeps theirs. */
export async function removeRole(db: Database, actor: HubActor, userId: string, roleId: string) {
  await db.transaction(async (tx) => {
    const role = await getRole(tx, actor.hubId, roleId);
    assertRoleBelow(actor, role.position);
    const authority = await targetMember(tx, actor, userId);
    if (!authority.roles.some((held) => held.id === role.id))
      throw new AppError("ROLE_ASSIGNMENT_NOT_FOUND");
    if (role.key === "owner" && (await ownersLeft(tx, actor.hubId, role.id)) <= 1)
      throw new AppError("LAST_OWNER");
    await tx
      .delete(schema.hubMemberRoles)
      .where(
        and(
          eq(schema.hubMemberRoles.hubId, actor.hubId),
          eq(schema.hubMemberRoles.userId, userId),
          eq(schema.hubMemberRoles.roleId, role.id),
        ),
      );
    await tx.insert(schema.roleHistory).values({
      hubId: actor.hubId,
      userId,
      roleKey: role.key,
      action: "revoke",
      actorId: actor.userId,
    });
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.role.revoke",
      targetType: "member",
      targetId: userId,
      before: { role: role.key },
    });
  });
}

/** A member's role grants and removals, newest first (keyset on id). */
export async function listRoleHistory(
  db: DbOrTx,
  hubId: string,
  userId: string,
  page: { cursor?: string; limit: number },
) {
  const rows = await db
    .select()
    .from(schema.roleHistory)
    .where(
      and(
        eq(schema.roleHistory.hubId, hubId),
        eq(schema.roleHistory.userId, userId),
        page.cursor ? lt(schema.roleHistory.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(schema.roleHistory.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? items.at(-1)!.id : null };
}
