import type { DbOrTx } from "@guildhall/db";
import { publishEvent } from "../realtime";

/**
 * Chat events go to each participant's own stream, so one subscription per
 * user covers all their chats. Payloads carry ids and a short preview only.
 */
export const userChatsStream = (userId: string) => `user-chats:${userId}`;

export type ChatEventType =
  "chat.created" | "message.created" | "message.edited" | "message.deleted" | "read";

/**
 * Publishes one event on both participants' streams inside the write's
 * transaction. Streams are taken in id order: publishing locks each stream's
 * head row until commit, and a fixed order keeps writes in chats that share a
 * participant (A-B, B-C, C-A) from deadlocking.
 */
export async function publishChatEvent(
  tx: DbOrTx,
  chat: { id: string; starterId: string; recipientId: string },
  type: ChatEventType,
  payload: Record<string, unknown>,
): Promise<void> {
  const userIds = [chat.starterId, chat.recipientId].sort();
  for (const userId of userIds) {
    await publishEvent(tx, {
      stream: userChatsStream(userId),
      type,
      payload: { chatId: chat.id, ...payload },
    });
  }
}
