import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, sql } from "drizzle-orm";
import { AppError, violatedConstraint } from "../errors";
import { preview } from "../tickets";
import { assertNotBlocked, findChat, type ParticipantChat } from "./access";
import { publishChatEvent } from "./events";
import { loadMessage, type ChatMessage } from "./message-shape";

export interface ChatMessageInput {
  /** Trimmed, 1-2000 characters (checked by the API). */
  body: string;
  replyToId?: string | null;
  /** Client-chosen idempotency key: the same nonce again returns the first message. */
  nonce?: string | null;
}

export interface SentMessage {
  message: ChatMessage;
  /** True when the nonce named a message sent before: nothing new was written. */
  duplicate: boolean;
}

async function findByNonce(db: DbOrTx, chatId: string, authorId: string, nonce: string) {
  const m = schema.privateMessages;
  const [row] = await db
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.chatId, chatId), eq(m.authorId, authorId), eq(m.nonce, nonce)));
  return row ? loadMessage(db, row.id) : undefined;
}

/**
 * Adds a message to a chat the caller's transaction has locked `for update`
 * (so numbers are consecutive and a retried nonce is seen after the lock).
 * Updates both members' list rows: last activity and message, the
 * recipient's unread count; the sender has read everything up to it.
 */
export async function appendMessage(
  tx: DbOrTx,
  chat: ParticipantChat,
  authorId: string,
  input: ChatMessageInput,
  now = new Date(),
): Promise<SentMessage> {
  if (input.nonce) {
    const earlier = await findByNonce(tx, chat.id, authorId, input.nonce);
    if (earlier) return { message: earlier, duplicate: true };
  }
  await assertNotBlocked(tx, authorId, chat.otherId);
  const m = schema.privateMessages;
  if (input.replyToId) {
    const [target] = await tx
      .select({ id: m.id })
      .from(m)
      .where(and(eq(m.id, input.replyToId), eq(m.chatId, chat.id)));
    if (!target)
      throw new AppError(
        "CHAT_REPLY_INVALID",
        {},
        { fieldErrors: { replyToId: ["errors.chatReplyInvalid"] } },
      );
  }
  const c = schema.privateChats;
  const [numbered] = await tx
    .update(c)
    .set({ lastSeq: sql`${c.lastSeq} + 1` })
    .where(eq(c.id, chat.id))
    .returning({ seq: c.lastSeq });
  const seq = numbered!.seq;
  const [message] = await tx
    .insert(m)
    .values({
      chatId: chat.id,
      seq,
      authorId,
      body: input.body,
      replyToId: input.replyToId ?? null,
      nonce: input.nonce ?? null,
      createdAt: now,
    })
    .returning({ id: m.id });
  const members = schema.privateChatMembers;
  const member = (userId: string) => and(eq(members.chatId, chat.id), eq(members.userId, userId));
  const activity = { lastActivityAt: now, lastMessageId: message!.id };
  await tx
    .update(members)
    .set({ ...activity, unreadCount: sql`${members.unreadCount} + 1` })
    .where(member(chat.otherId));
  await tx
    .update(members)
    .set({ ...activity, unreadCount: 0, lastReadSeq: seq, lastReadAt: now })
    .where(member(authorId));
  await publishChatEvent(tx, chat, "message.created", {
    messageId: message!.id,
    seq,
    authorId,
    preview: preview(input.body),
    replyToId: input.replyToId ?? null,
    createdAt: now.toISOString(),
  });
  return { message: await loadMessage(tx, message!.id), duplicate: false };
}

/**
 * Sends a message in a chat of the user's. Participants only; refused while
 * either side blocks the other; a reply must answer a message of the same
 * chat. Idempotent per nonce: concurrent retries wait for the chat lock and
 * then find the first message (the unique index is the backstop).
 */
export async function sendChatMessage(
  db: Database,
  userId: string,
  chatId: string,
  input: ChatMessageInput,
): Promise<SentMessage> {
  try {
    return await db.transaction(async (tx) => {
      const chat = await findChat(tx, userId, chatId, "update");
      return appendMessage(tx, chat, userId, input);
    });
  } catch (error) {
    if (input.nonce && violatedConstraint(error) === "private_messages_nonce_key") {
      const earlier = await findByNonce(db, chatId, userId, input.nonce);
      if (earlier) return { message: earlier, duplicate: true };
    }
    throw error;
  }
}
