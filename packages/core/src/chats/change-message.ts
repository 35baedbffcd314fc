import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq } from "drizzle-orm";
import { AppError } from "../errors";
import { preview } from "../tickets";
import { findChat } from "./access";
import { publishChatEvent } from "./events";
import { loadMessage, type ChatMessage } from "./message-shape";
import { recountUnread } from "./read-state";

const m = schema.privateMessages;

/**
 * A message of the chat written by the user, locked until the transaction
 * ends: a delete racing an edit waits, or has already happened (then
 * CHAT_MESSAGE_NOT_FOUND, never an edit of a row that is gone). Someone
 * else's is CHAT_MESSAGE_NOT_YOURS.
 */
async function ownMessage(tx: DbOrTx, chatId: string, userId: string, messageId: string) {
  const [message] = await tx
    .select()
    .from(m)
    .where(and(eq(m.id, messageId), eq(m.chatId, chatId)))
    .for("update");
  if (!message) throw new AppError("CHAT_MESSAGE_NOT_FOUND");
  if (message.authorId !== userId) throw new AppError("CHAT_MESSAGE_NOT_YOURS");
  return message;
}

/** Authors change the text of their own messages; `editedAt` says it was changed. */
export async function editChatMessage(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
  body: string,
  now = new Date(),
): Promise<ChatMessage> {
  return db.transaction(async (tx) => {
    const chat = await findChat(tx, userId, chatId);
    const message = await ownMessage(tx, chat.id, userId, messageId);
    await tx.update(m).set({ body, editedAt: now }).where(eq(m.id, message.id));
    await publishChatEvent(tx, chat, "message.edited", {
      messageId: message.id,
      seq: message.seq,
      authorId: message.authorId,
      preview: preview(body),
      editedAt: now.toISOString(),
    });
    return loadMessage(tx, message.id);
  });
}

/**
 * Deletes one's own message for good. Replies to it stay (their link turns
 * null); the other party's unread count and both members' last message are
 * put right. The chat is locked, as for a send, so the fixes see every message.
 */
export async function deleteChatMessage(
  db: Database,
  userId: string,
  chatId: string,
  messageId: string,
): Promise<{ chatId: string; messageId: string; deleted: true }> {
  return db.transaction(async (tx) => {
    const chat = await findChat(tx, userId, chatId, "update");
    const message = await ownMessage(tx, chat.id, userId, messageId);
    await tx.delete(m).where(eq(m.id, message.id));
    const [newest] = await tx
      .select({ id: m.id })
      .from(m)
      .where(eq(m.chatId, chat.id))
      .orderBy(desc(m.seq))
      .limit(1);
    const members = schema.privateChatMembers;
    // Last activity stays: the chat keeps its place in both lists.
    await tx
      .update(members)
      .set({ lastMessageId: newest?.id ?? null })
      .where(and(eq(members.chatId, chat.id), eq(members.lastMessageId, message.id)));
    await recountUnread(tx, chat.id, chat.otherId);
    await publishChatEvent(tx, chat, "message.deleted", {
      messageId: message.id,
      seq: message.seq,
      authorId: message.authorId,
    });
    return { chatId: chat.id, messageId: message.id, deleted: true as const };
  });
}
