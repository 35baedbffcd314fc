import type { DbOrTx } from "@guildhall/db";
import { publishSignal } from "../realtime";
import { assertNotBlocked, findChat } from "./access";
import { userChatsStream } from "./events";

/**
 * Tells the other participant (and the user's own other devices) that the
 * user is typing: a live signal, never stored. Refused while a block stands.
 */
export async function chatTyping(
  db: DbOrTx,
  user: { userId: string; username: string },
  chatId: string,
): Promise<void> {
  const chat = await findChat(db, user.userId, chatId);
  await assertNotBlocked(db, user.userId, chat.otherId);
  const payload = { chatId: chat.id, userId: user.userId, username: user.username };
  for (const userId of [chat.otherId, user.userId])
    await publishSignal(db, { stream: userChatsStream(userId), type: "typing", payload });
}
