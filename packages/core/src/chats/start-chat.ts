import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, sql } from "drizzle-orm";
import { AppError } from "../errors";
import { getUserById } from "../users";
import { assertNotBlocked, type ParticipantChat } from "./access";
import { publishChatEvent } from "./events";
import { appendMessage, type SentMessage } from "./send-message";

export interface StartChatInput {
  recipientId: string;
  /** An optional first message (seed 003 called it `text`). */
  body?: string | null;
  nonce?: string | null;
}

export interface StartedChat {
  chatId: string;
  /** False when the pair already had a chat: it is returned (with the message sent into it). */
  created: boolean;
  message: SentMessage["message"] | null;
}

/** The pair's chat (optionally locked), found through the (least, greatest) unique index. */
async function pairChat(tx: DbOrTx, a: string, b: string, lock: boolean) {
  const c = schema.privateChats;
  // uuid order is byte order, the same as the order of their lowercase hex text.
  const [low, high] = a < b ? [a, b] : [b, a];
  const query = tx
    .select()
    .from(c)
    .where(
      and(
        sql`least(${c.starterId}, ${c.recipientId}) = ${low}::uuid`,
        sql`greatest(${c.starterId}, ${c.recipientId}) = ${high}::uuid`,
      ),
    );
  const [chat] = lock ? await query.for("update") : await query;
  return chat!;
}

/**
 * Opens the chat between the user and `recipientId`, or returns the one they
 * already have (one chat per pair, whoever started it), and sends the first
 * message when `body` is given. Concurrent starts of a pair meet at the
 * unique pair index: one insert wins, the others wait for it and find its chat.
 */
export async function startChat(
  db: Database,
  userId: string,
  input: StartChatInput,
  now = new Date(),
): Promise<StartedChat> {
  if (input.recipientId === userId)
    throw new AppError(
      "CHAT_WITH_SELF",
      {},
      { fieldErrors: { recipientId: ["errors.chatWithSelf"] } },
    );
  const recipient = await getUserById(db, input.recipientId);
  if (!recipient?.isActive)
    throw new AppError(
      "USER_NOT_FOUND",
      {},
      { fieldErrors: { recipientId: ["errors.userNotFound"] } },
    );
  return db.transaction(async (tx) => {
    await assertNotBlocked(tx, userId, recipient.id);
    const [inserted] = await tx
      .insert(schema.privateChats)
      .values({ starterId: userId, recipientId: recipient.id, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      const member = (id: string, otherUserId: string) => ({
        chatId: inserted.id,
        userId: id,
        otherUserId,
        lastActivityAt: now,
      });
      await tx
        .insert(schema.privateChatMembers)
        .values([member(userId, recipient.id), member(recipient.id, userId)]);
      await publishChatEvent(tx, inserted, "chat.created", {
        starterId: inserted.starterId,
        recipientId: inserted.recipientId,
      });
    }
    if (!input.body) {
      const chatId = inserted?.id ?? (await pairChat(tx, userId, recipient.id, false)).id;
      return { chatId, created: inserted !== undefined, message: null };
    }
    const chat: ParticipantChat = {
      ...(await pairChat(tx, userId, recipient.id, true)),
      otherId: recipient.id,
    };
    const sent = await appendMessage(tx, chat, userId, { body: input.body, nonce: input.nonce });
    return { chatId: chat.id, created: inserted !== undefined, message: sent.message };
  });
}
