import { schema, type DbOrTx } from "@guildhall/db";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { preview } from "../tickets";
import { avatarUrl } from "../users";

const m = schema.privateMessages;
const author = alias(schema.users, "author");
const target = alias(schema.privateMessages, "reply_target");

/** What a client sees of a user in a chat (the seed's `message_owner`, `chat_starter`). */
export interface ChatUser {
  id: string;
  username: string;
  displayName: string | null;
  avatarUrl: string | null;
}

/** A user row's public part as chats show it (the avatar key becomes its URL). */
export function chatUser(user: {
  id: string;
  username: string;
  displayName: string | null;
  avatarKey: string | null;
}): ChatUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    avatarUrl: avatarUrl(user.avatarKey),
  };
}

export interface ChatMessage {
  id: string;
  seq: number;
  chatId: string;
  authorId: string;
  author: ChatUser;
  body: string;
  /** Null when the message answered nothing, or its target was deleted. */
  replyToId: string | null;
  replyTo: { id: string; authorId: string; preview: string } | null;
  editedAt: Date | null;
  createdAt: Date;
}

/**
 * Messages with their author and the message they answer, in one query;
 * callers add where / order / limit (`$dynamic`). Only the start of a reply
 * target's body is read: it becomes a preview.
 */
export function messageQuery(db: DbOrTx) {
  return db
    .select({
      id: m.id,
      seq: m.seq,
      chatId: m.chatId,
      authorId: m.authorId,
      body: m.body,
      replyToId: m.replyToId,
      editedAt: m.editedAt,
      createdAt: m.createdAt,
      authorName: author.username,
      authorDisplayName: author.displayName,
      authorAvatarKey: author.avatarKey,
      targetId: target.id,
      targetAuthorId: target.authorId,
      targetStart: sql<string | null>`left(${target.body}, 201)`,
    })
    .from(m)
    .innerJoin(author, eq(author.id, m.authorId))
    .leftJoin(target, eq(target.id, m.replyToId))
    .$dynamic();
}

type MessageRow = Awaited<ReturnType<ReturnType<typeof messageQuery>["execute"]>>[number];

export function toChatMessage(row: MessageRow): ChatMessage {
  const {
    authorName,
    authorDisplayName,
    authorAvatarKey,
    targetId,
    targetAuthorId,
    targetStart,
    ...message
  } = row;
  return {
    ...message,
    author: chatUser({
      id: row.authorId,
      username: authorName,
      displayName: authorDisplayName,
      avatarKey: authorAvatarKey,
    }),
    replyTo:
      targetId && targetAuthorId
        ? { id: targetId, authorId: targetAuthorId, preview: preview(targetStart ?? "") }
        : null,
  };
}

/** One message by id, as clients see it. */
export async function loadMessage(db: DbOrTx, messageId: string): Promise<ChatMessage> {
  const [row] = await messageQuery(db).where(eq(m.id, messageId));
  if (!row) throw new Error(`message ${messageId} vanished`);
  return toChatMessage(row);
}
