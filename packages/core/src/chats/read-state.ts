import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, sql } from "drizzle-orm";
import { findChat, messageSeq } from "./access";
import { publishChatEvent } from "./events";

const members = schema.privateChatMembers;

/**
 * Recomputes a member's unread count from their read position: the other
 * party's messages numbered after it (a range of the (chat_id, seq) index).
 */
export async function recountUnread(tx: DbOrTx, chatId: string, userId: string): Promise<void> {
  const m = schema.privateMessages;
  await tx
    .update(members)
    .set({
      unreadCount: sql`(select count(*)::int from ${m}
        where ${m.chatId} = ${chatId}::uuid and ${m.authorId} <> ${userId}::uuid
          and ${m.seq} > ${members.lastReadSeq})`,
    })
    .where(and(eq(members.chatId, chatId), eq(members.userId, userId)));
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
    const mine = and(eq(members.chatId, chat.id), eq(members.userId, userId));
    const [before] = await tx
      .select({ lastReadSeq: members.lastReadSeq })
      .from(members)
      .where(mine)
      .for("update");
    const moved = upTo > before!.lastReadSeq;
    if (moved) await tx.update(members).set({ lastReadSeq: upTo, lastReadAt: now }).where(mine);
    await recountUnread(tx, chat.id, userId);
    const [after] = await tx
      .select({ lastReadSeq: members.lastReadSeq, unreadCount: members.unreadCount })
      .from(members)
      .where(mine);
    if (moved) await publishChatEvent(tx, chat, "read", { userId, seq: after!.lastReadSeq });
    return { chatId: chat.id, ...after! };
  });
}
