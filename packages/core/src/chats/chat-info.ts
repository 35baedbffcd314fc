import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "../errors";
import { chatUser } from "./message-shape";

/**
 * A chat of the user's (seed 003 `info`): who started it and who received it,
 * the user's unread count and read position, and how far the other party has
 * read (read receipts). Non-participants get CHAT_NOT_FOUND.
 */
export async function chatInfo(db: DbOrTx, userId: string, chatId: string) {
  const c = schema.privateChats;
  const me = alias(schema.privateChatMembers, "me");
  const other = alias(schema.privateChatMembers, "other");
  const starter = alias(schema.users, "starter");
  const recipient = alias(schema.users, "recipient");
  const [row] = await db
    .select({
      chat: c,
      starter: {
        id: starter.id,
        username: starter.username,
        displayName: starter.displayName,
        avatarKey: starter.avatarKey,
      },
      recipient: {
        id: recipient.id,
        username: recipient.username,
        displayName: recipient.displayName,
        avatarKey: recipient.avatarKey,
      },
      unreadCount: me.unreadCount,
      lastReadSeq: me.lastReadSeq,
      otherLastReadSeq: other.lastReadSeq,
      otherLastReadAt: other.lastReadAt,
    })
    .from(c)
    .innerJoin(me, and(eq(me.chatId, c.id), eq(me.userId, userId)))
    .innerJoin(other, and(eq(other.chatId, c.id), eq(other.userId, me.otherUserId)))
    .innerJoin(starter, eq(starter.id, c.starterId))
    .innerJoin(recipient, eq(recipient.id, c.recipientId))
    .where(eq(c.id, chatId));
  if (!row) throw new AppError("CHAT_NOT_FOUND");
  return {
    id: row.chat.id,
    starter: chatUser(row.starter),
    recipient: chatUser(row.recipient),
    createdAt: row.chat.createdAt,
    lastSeq: row.chat.lastSeq,
    unreadCount: row.unreadCount,
    lastReadSeq: row.lastReadSeq,
    otherLastReadSeq: row.otherLastReadSeq,
    otherLastReadAt: row.otherLastReadAt,
  };
}
