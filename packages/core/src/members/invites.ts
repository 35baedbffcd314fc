import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { assertRoleBelow, auditBase, getMembership, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { getRole } from "../roles";
import { addMember } from "./add-member";
import { assertNotBanned } from "./bans";

const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 12 characters from an unambiguous alphabet (~70 bits). */
function inviteCode(): string {
  return [...randomBytes(12)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

export interface InviteInput {
  roleId?: string | null;
  targetUserId?: string | null;
  expiresInHours: number;
  maxUses?: number | null;
}

/** Creates an invite whose preset role is below the actor's highest; audited. */
export async function createInvite(db: Database, actor: HubActor, input: InviteInput) {
  return db.transaction(async (tx) => {
    if (input.roleId)
      assertRoleBelow(actor, (await getRole(tx, actor.hubId, input.roleId)).position);
    const [invite] = await tx
      .insert(schema.hubInvites)
      .values({
        hubId: actor.hubId,
        code: inviteCode(),
        roleId: input.roleId ?? null,
        targetUserId: input.targetUserId ?? null,
        maxUses: input.maxUses ?? null,
        createdBy: actor.userId,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
      })
      .returning();
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "invite.create",
      targetType: "invite",
      targetId: invite!.id,
      after: {
        roleId: invite!.roleId,
        targetUserId: invite!.targetUserId,
        expiresAt: invite!.expiresAt.toISOString(),
        maxUses: invite!.maxUses,
      },
    });
    return invite!;
  });
}

/** The hub's invites that are not revoked, newest first. */
export function listInvites(db: DbOrTx, hubId: string) {
  return db
    .select()
    .from(schema.hubInvites)
    .where(and(eq(schema.hubInvites.hubId, hubId), isNull(schema.hubInvites.revokedAt)))
    .orderBy(desc(schema.hubInvites.id))
    .limit(200);
}

export async function revokeInvite(db: Database, actor: HubActor, inviteId: string) {
  await db.transaction(async (tx) => {
    const [invite] = await tx
      .update(schema.hubInvites)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(schema.hubInvites.id, inviteId),
          eq(schema.hubInvites.hubId, actor.hubId),
          isNull(schema.hubInvites.revokedAt),
        ),
      )
      .returning();
    if (!invite) throw new AppError("INVITE_NOT_FOUND");
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "invite.revoke",
      targetType: "invite",
      targetId: invite.id,
    });
  });
}

/**
 * Uses an invite: it must exist, not be revoked, expired or used up, and be
 * meant for this user if it names one. The user joins with the preset role.
 */
export async function redeemInvite(
  db: Database,
  input: { code: string; userId: string; ip?: string | null },
) {
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(schema.hubInvites)
      .where(eq(schema.hubInvites.code, input.code))
      .for("update")
      .limit(1);
    const usable =
      invite &&
      !invite.revokedAt &&
      invite.expiresAt > new Date() &&
      (invite.maxUses === null || invite.uses < invite.maxUses) &&
      (invite.targetUserId === null || invite.targetUserId === input.userId);
    if (!invite || !usable) throw new AppError("INVITE_NOT_FOUND");
    const [hub] = await tx
      .select({ slug: schema.hubs.slug, archivedAt: schema.hubs.archivedAt })
      .from(schema.hubs)
      .where(eq(schema.hubs.id, invite.hubId));
    if (!hub || hub.archivedAt) throw new AppError("INVITE_NOT_FOUND");
    if (await getMembership(tx, invite.hubId, input.userId)) throw new AppError("ALREADY_MEMBER");
    await assertNotBanned(tx, invite.hubId, input.userId);
    await tx
      .update(schema.hubInvites)
      .set({ uses: invite.uses + 1 })
      .where(eq(schema.hubInvites.id, invite.id));
    const { roleKey } = await addMember(tx, {
      hubId: invite.hubId,
      userId: input.userId,
      roleId: invite.roleId,
      actorId: invite.createdBy,
    });
    await recordAudit(tx, {
      hubId: invite.hubId,
      actorId: input.userId,
      action: "member.join",
      targetType: "member",
      targetId: input.userId,
      after: { inviteId: invite.id, role: roleKey },
      ip: input.ip ?? null,
    });
    return { hubSlug: hub.slug, role: roleKey };
  });
}
