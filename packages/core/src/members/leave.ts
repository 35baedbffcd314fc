import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import {
  assertMemberBelow,
  auditBase,
  getMembership,
  memberAuthority,
  recordAudit,
  type HubActor,
} from "../access";
import { AppError } from "../errors";
import { removeMembership } from "./remove-membership";

/** The hub must keep an owner: the last one cannot leave or be removed. */
async function assertNotLastOwner(tx: DbOrTx, hubId: string, userId: string) {
  const owners = await tx
    .select({ userId: schema.hubMemberRoles.userId })
    .from(schema.hubMemberRoles)
    .innerJoin(schema.hubRoles, eq(schema.hubRoles.id, schema.hubMemberRoles.roleId))
    .where(and(eq(schema.hubMemberRoles.hubId, hubId), eq(schema.hubRoles.key, "owner")));
  if (owners.length === 1 && owners[0]!.userId === userId) throw new AppError("LAST_OWNER");
}

/** A member leaves the hub. */
export async function resign(db: Database, actor: HubActor) {
  await db.transaction(async (tx) => {
    if (!(await getMembership(tx, actor.hubId, actor.userId)))
      throw new AppError("MEMBER_NOT_FOUND");
    await assertNotLastOwner(tx, actor.hubId, actor.userId);
    const roles = await removeMembership(tx, actor, actor.userId);
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.resign",
      targetType: "member",
      targetId: actor.userId,
      before: { roles },
    });
  });
}

/** Staff remove a member ranked below them. */
export async function dismiss(db: Database, actor: HubActor, userId: string, reason = "") {
  if (userId === actor.userId) throw new AppError("MEMBER_TOO_HIGH");
  await db.transaction(async (tx) => {
    if (!(await getMembership(tx, actor.hubId, userId))) throw new AppError("MEMBER_NOT_FOUND");
    assertMemberBelow(actor, (await memberAuthority(tx, actor.hubId, userId)).highest);
    const roles = await removeMembership(tx, actor, userId);
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.dismiss",
      targetType: "member",
      targetId: userId,
      before: { roles },
      after: { reason },
    });
  });
}
