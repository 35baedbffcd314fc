import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, lt, sql } from "drizzle-orm";
import { findChat, messageSeq } from "./access";
import { publishChatEvent } from "./events";

const members = schema.privateChatMembers;

/**
 * Recomputes a member's unread count from their read position: the other
 * party's messages numbered after it (a range of the (chat_id, seq) index).
 */
export async function recountUnread(
  tx: DbOrTx,
  chatId: string,
  userId: string,
): Promise<{ lastReadSeq: number; unreadCount: number }> {
  const m = schema.privateMessages;
  const [state] = await tx
    .update(members)
    .set({
      unreadCount: sql`(select count(*)::int from ${m}
        where ${m.chatId} = ${chatId}::uuid and ${m.authorId} <> ${userId}::uuid
          and ${m.seq} > ${members.lastReadSeq})`,
    })
    .where(and(eq(members.chatId, chatId), eq(members.userId, userId)))
    .returning({ lastReadSeq: members.lastReadSeq, unreadCount: members.unreadCount });
  return state!;
}

export interface ReadState {
  chatId: string;
  lastReadSeq: number;
  unreadCount: number;
}

/**
 * Marks the chat read up to a message (default: the latest). The read
 * position never moves backwards; the unread count is recounted from it.
 * Moving it publishes `read` to both participants (read receipts).
 */
export async function markChatRead(
  db: Database,
  userId: string,
  chatId: string,
  input: { messageId?: string | null } = {},
  now = new Date(),
): Promise<ReadState> {
  return db.transaction(async (tx) => {
    // A shared lock waits for a send that is numbering a message, so the recount sees it.
    const chat = await findChat(tx, userId, chatId, "share");
    const upTo = input.messageId
      ? await messageSeq(tx, chat.id, input.messageId, "messageId")
      : chat.lastSeq;
    // Forward only: the row changes (and `read` is published) only when the position moves.
    const moved = await tx
      .update(members)
      .set({ lastReadSeq: upTo, lastReadAt: now })
      .where(
        and(eq(members.chatId, chat.id), eq(members.userId, userId), lt(members.lastReadSeq, upTo)),
      )
      .returning({ lastReadSeq: members.lastReadSeq });
    const after = await recountUnread(tx, chat.id, userId);
    if (moved.length > 0)
      await publishChatEvent(tx, chat, "read", { userId, seq: after.lastReadSeq });
    return { chatId: chat.id, ...after };
  });
}
