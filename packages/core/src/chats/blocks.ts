import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq } from "drizzle-orm";
import { AppError } from "../errors";
import { avatarUrl, getUserById } from "../users";

/**
 * Blocks stop new chats and messages between two users, whichever of them
 * blocked. Blocking and unblocking are idempotent.
 */
export async function blockUser(db: DbOrTx, userId: string, targetId: string) {
  if (targetId === userId)
    throw new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { userId: ["validation.blockSelf"] } },
    );
  if (!(await getUserById(db, targetId)))
    throw new AppError("USER_NOT_FOUND", {}, { fieldErrors: { userId: ["errors.userNotFound"] } });
  await db.insert(schema.userBlocks).values({ userId, blockedId: targetId }).onConflictDoNothing();
  return { userId: targetId, blocked: true };
}

export async function unblockUser(db: DbOrTx, userId: string, targetId: string) {
  const b = schema.userBlocks;
  await db.delete(b).where(and(eq(b.userId, userId), eq(b.blockedId, targetId)));
  return { userId: targetId, blocked: false };
}

/** The users the user blocked, most recent first (a short list: no paging). */
export async function listBlockedUsers(db: DbOrTx, userId: string) {
  const b = schema.userBlocks;
  const u = schema.users;
  const rows = await db
    .select({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      avatarKey: u.avatarKey,
      blockedAt: b.createdAt,
    })
    .from(b)
    .innerJoin(u, eq(u.id, b.blockedId))
    .where(eq(b.userId, userId))
    .orderBy(desc(b.createdAt), desc(b.blockedId));
  return rows.map(({ avatarKey, blockedAt, ...user }) => ({
    user: { ...user, avatarUrl: avatarUrl(avatarKey) },
    blockedAt,
  }));
}
