import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, getTableColumns, gt, isNull, or } from "drizzle-orm";
import {
  assertMemberBelow,
  auditBase,
  getMembership,
  memberAuthority,
  recordAudit,
  type HubActor,
} from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";
import { removeMembership } from "./remove-membership";

/** The ban in force for a user in a hub, if any (not lifted, not expired). */
export async function activeBan(db: DbOrTx, hubId: string, userId: string, now = new Date()) {
  const [ban] = await db
    .select()
    .from(schema.hubBans)
    .where(
      and(
        eq(schema.hubBans.hubId, hubId),
        eq(schema.hubBans.userId, userId),
        isNull(schema.hubBans.liftedAt),
        or(isNull(schema.hubBans.expiresAt), gt(schema.hubBans.expiresAt, now)),
      ),
    )
    .orderBy(desc(schema.hubBans.id))
    .limit(1);
  return ban;
}

/** Refuses banned users with the ban's end, if it has one. */
export async function assertNotBanned(db: DbOrTx, hubId: string, userId: string) {
  const ban = await activeBan(db, hubId, userId);
  if (ban)
    throw new AppError(
      "BANNED",
      { ends: ban.expiresAt ? "yes" : "no", until: ban.expiresAt?.getTime() ?? 0 },
      { details: { expiresAt: ban.expiresAt?.toISOString() ?? null } },
    );
}

/** Bans a user (member or not) below the actor; a member is removed from the hub. */
export async function banUser(
  db: Database,
  actor: HubActor,
  input: { userId: string; reason: string; expiresAt?: Date | null },
) {
  if (input.userId === actor.userId) throw new AppError("MEMBER_TOO_HIGH");
  if (!(await getUserById(db, input.userId))) throw new AppError("USER_NOT_FOUND");
  return db.transaction(async (tx) => {
    if (await getMembership(tx, actor.hubId, input.userId)) {
      assertMemberBelow(actor, (await memberAuthority(tx, actor.hubId, input.userId)).highest);
      await removeMembership(tx, actor, input.userId);
    }
    if (await activeBan(tx, actor.hubId, input.userId)) throw new AppError("CONFLICT");
    const [ban] = await tx
      .insert(schema.hubBans)
      .values({
        hubId: actor.hubId,
        userId: input.userId,
        reason: input.reason,
        actorId: actor.userId,
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.ban",
      targetType: "member",
      targetId: input.userId,
      after: { reason: input.reason, expiresAt: input.expiresAt?.toISOString() ?? null },
    });
    return ban!;
  });
}

/** Lifts the ban in force. */
export async function unbanUser(db: Database, actor: HubActor, userId: string) {
  await db.transaction(async (tx) => {
    const ban = await activeBan(tx, actor.hubId, userId);
    if (!ban) throw new AppError("BAN_NOT_FOUND");
    await tx
      .update(schema.hubBans)
      .set({ liftedAt: new Date(), liftedBy: actor.userId })
      .where(eq(schema.hubBans.id, ban.id));
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.unban",
      targetType: "member",
      targetId: userId,
      before: { reason: ban.reason },
    });
  });
}

/** Ban history of a hub (or of one user there), newest first, with the banned user's name. */
export async function listBans(
  db: DbOrTx,
  hubId: string,
  filter: { userId?: string; activeOnly?: boolean; limit: number },
) {
  const now = new Date();
  return db
    .select({ ...getTableColumns(schema.hubBans), username: schema.users.username })
    .from(schema.hubBans)
    .leftJoin(schema.users, eq(schema.users.id, schema.hubBans.userId))
    .where(
      and(
        eq(schema.hubBans.hubId, hubId),
        filter.userId ? eq(schema.hubBans.userId, filter.userId) : undefined,
        filter.activeOnly
          ? and(
              isNull(schema.hubBans.liftedAt),
              or(isNull(schema.hubBans.expiresAt), gt(schema.hubBans.expiresAt, now)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(schema.hubBans.id))
    .limit(filter.limit);
}
