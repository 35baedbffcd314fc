import { schema, type Database } from "@guildhall/db";

/**
 * The world's private chat: `member` and `moderator`, with one message by
 * `member`. Fixed ids, so the authorization matrix (a static table) can name them.
 */
export const worldChat = {
  chatId: "00000000-0000-7000-8000-00000000c0a1",
  messageId: "00000000-0000-7000-8000-00000000c0a2",
} as const;

function firstMessage(authorId: string, createdAt: Date) {
  return {
    id: worldChat.messageId,
    chatId: worldChat.chatId,
    seq: 1,
    authorId,
    body: "Hello from the world",
    createdAt,
  };
}

export async function createWorldChat(db: Database, memberId: string, moderatorId: string) {
  const now = new Date();
  const { chatId, messageId } = worldChat;
  await db.transaction(async (tx) => {
    await tx.insert(schema.privateChats).values({
      id: chatId,
      starterId: memberId,
      recipientId: moderatorId,
      lastSeq: 1,
      createdAt: now,
    });
    await tx.insert(schema.privateMessages).values(firstMessage(memberId, now));
    const base = { chatId, lastActivityAt: now, lastMessageId: messageId };
    await tx.insert(schema.privateChatMembers).values([
      { ...base, userId: memberId, otherUserId: moderatorId, lastReadSeq: 1 },
      { ...base, userId: moderatorId, otherUserId: memberId, unreadCount: 1 },
    ]);
  });
}

/** Puts the first message back after a matrix call deleted it (member rows need not match). */
export async function restoreWorldChat(db: Database, memberId: string) {
  await db
    .insert(schema.privateMessages)
    .values(firstMessage(memberId, new Date()))
    .onConflictDoNothing();
}
