import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq, or } from "drizzle-orm";
import { AppError } from "../errors";

export type ChatRow = typeof schema.privateChats.$inferSelect;
export type ParticipantChat = ChatRow & { otherId: string };

/**
 * A chat the user takes part in, optionally locked for the transaction
 * ("update" while numbering or deleting messages, "share" while read state is
 * recounted). Anyone else gets CHAT_NOT_FOUND, whether or not the chat exists.
 */
export async function findChat(
  db: DbOrTx,
  userId: string,
  chatId: string,
  lock?: "update" | "share",
): Promise<ParticipantChat> {
  const c = schema.privateChats;
  const query = db
    .select()
    .from(c)
    .where(and(eq(c.id, chatId), or(eq(c.starterId, userId), eq(c.recipientId, userId))));
  const [chat] = lock ? await query.for(lock) : await query;
  if (!chat) throw new AppError("CHAT_NOT_FOUND");
  return { ...chat, otherId: chat.starterId === userId ? chat.recipientId : chat.starterId };
}

/** The number of a message of this chat; `field` names the input that pointed at it. */
export async function messageSeq(
  db: DbOrTx,
  chatId: string,
  messageId: string,
  field: string,
): Promise<number> {
  const m = schema.privateMessages;
  const [row] = await db
    .select({ seq: m.seq })
    .from(m)
    .where(and(eq(m.id, messageId), eq(m.chatId, chatId)));
  if (!row)
    throw new AppError(
      "CHAT_MESSAGE_NOT_FOUND",
      {},
      { fieldErrors: { [field]: ["errors.chatMessageNotFound"] } },
    );
  return row.seq;
}

/** Whether either user blocked the other. */
export async function isBlockedBetween(db: DbOrTx, a: string, b: string): Promise<boolean> {
  const blocks = schema.userBlocks;
  const [row] = await db
    .select({ userId: blocks.userId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.userId, a), eq(blocks.blockedId, b)),
        and(eq(blocks.userId, b), eq(blocks.blockedId, a)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function assertNotBlocked(db: DbOrTx, a: string, b: string): Promise<void> {
  if (await isBlockedBetween(db, a, b)) throw new AppError("CHAT_BLOCKED");
}
