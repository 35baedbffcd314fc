import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import { preview } from "../tickets";
import { chatUser } from "./message-shape";

/**
 * `<epoch ms>_<chat id>`: the (last activity, chat) position a page ended at.
 * The id part is a whole UUID (8-4-4-4-12 lowercase hex digits, as the server writes it).
 */
export const CHAT_CURSOR_PATTERN =
  /^\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeCursor = (at: Date, chatId: string) => `${at.getTime()}_${chatId}`;
function decodeCursor(cursor: string) {
  const [ms, chatId] = cursor.split("_") as [string, string];
  return { at: new Date(Number(ms)), chatId };
}

/**
 * The user's chats, most recent activity first, each with the other party,
 * the last message and the unread count. One query over the member rows'
 * (user_id, last_activity_at desc, chat_id) index; the cursor is a keyset
 * position in it. Activity times are written from JS dates (millisecond
 * precision), so a cursor names them exactly.
 */
export async function listChats(
  db: DbOrTx,
  userId: string,
  page: { limit: number; cursor?: string | null },
) {
  const mem = schema.privateChatMembers;
  const u = schema.users;
  const msg = schema.privateMessages;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db
    .select({
      chatId: mem.chatId,
      lastActivityAt: mem.lastActivityAt,
      unreadCount: mem.unreadCount,
      lastReadSeq: mem.lastReadSeq,
      otherId: u.id,
      otherName: u.username,
      otherDisplayName: u.displayName,
      otherAvatarKey: u.avatarKey,
      messageId: msg.id,
      // Only the start of the body: it becomes a preview.
      messageStart: sql<string | null>`left(${msg.body}, 201)`,
      messageAuthorId: msg.authorId,
      messageCreatedAt: msg.createdAt,
    })
    .from(mem)
    .innerJoin(u, eq(u.id, mem.otherUserId))
    .leftJoin(msg, eq(msg.id, mem.lastMessageId))
    .where(
      and(
        eq(mem.userId, userId),
        after
          ? or(
              lt(mem.lastActivityAt, after.at),
              and(eq(mem.lastActivityAt, after.at), gt(mem.chatId, after.chatId)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(mem.lastActivityAt), asc(mem.chatId))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.chatId,
    other: chatUser({
      id: row.otherId,
      username: row.otherName,
      displayName: row.otherDisplayName,
      avatarKey: row.otherAvatarKey,
    }),
    lastMessage:
      row.messageId && row.messageAuthorId && row.messageCreatedAt
        ? {
            id: row.messageId,
            preview: preview(row.messageStart ?? ""),
            authorId: row.messageAuthorId,
            createdAt: row.messageCreatedAt,
          }
        : null,
    unreadCount: row.unreadCount,
    lastReadSeq: row.lastReadSeq,
    lastActivityAt: row.lastActivityAt,
  }));
  const last = rows.length > page.limit ? items.at(-1) : undefined;
  return { items, nextCursor: last ? encodeCursor(last.lastActivityAt, last.id) : null };
}
