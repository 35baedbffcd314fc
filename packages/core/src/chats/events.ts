import type { DbOrTx } from "@guildhall/db";
import { defineChannel, publishEvents } from "../realtime";

/**
 * Chat events go to each participant's own stream, so one subscription per
 * user covers all their chats. Payloads carry ids and a short preview only.
 */
export const userChatsStream = (userId: string) => `user-chats:${userId}`;

export type ChatEventType =
  "chat.created" | "message.created" | "message.edited" | "message.deleted" | "read";

/**
 * Publishes one event on both participants' streams inside the write's
 * transaction, in one statement. `publishEvents` takes streams in a fixed
 * order: publishing locks each stream's head row until commit, and the order
 * keeps writes in chats that share a participant (A-B, B-C, C-A) from
 * deadlocking.
 */
export async function publishChatEvent(
  tx: DbOrTx,
  chat: { id: string; starterId: string; recipientId: string },
  type: ChatEventType,
  payload: Record<string, unknown>,
): Promise<void> {
  await publishEvents(
    tx,
    [chat.starterId, chat.recipientId].map((userId) => ({
      stream: userChatsStream(userId),
      type,
      payload: { chatId: chat.id, ...payload },
    })),
  );
}

/**
 * All of a user's chats, live: their own stream, so every item on it is
 * theirs; access lasts as long as their session and account.
 */
export const chatsChannel = defineChannel<{ userId: string }, { userId: string }>({
  name: "chats",
  stream: ({ userId }) => userChatsStream(userId),
});
