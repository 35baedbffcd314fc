import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./users";

const at = () => timestamp({ withTimezone: true });
const userRef = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
const seq = () => bigint({ mode: "number" });

/**
 * A private chat between two users (seed 003). Not hub-scoped: it belongs to
 * its two participants. One chat per pair, whoever started it.
 */
export const privateChats = pgTable(
  "private_chats",
  {
    id: id(),
    starterId: userRef(),
    recipientId: userRef(),
    /** The last message number handed out (the chat row is locked while numbering). */
    lastSeq: seq().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("private_chats_pair_key").on(
      sql`least(${t.starterId}, ${t.recipientId})`,
      sql`greatest(${t.starterId}, ${t.recipientId})`,
    ),
    check("private_chats_two_people", sql`${t.starterId} <> ${t.recipientId}`),
  ],
);

/**
 * Each participant's view of a chat: the other party, last activity (for the
 * newest-first list), read position and a kept unread count, so listing 500
 * chats with unread counts reads 500 index rows and nothing more.
 */
export const privateChatMembers = pgTable(
  "private_chat_members",
  {
    chatId: uuid()
      .notNull()
      .references(() => privateChats.id, { onDelete: "cascade" }),
    userId: userRef(),
    otherUserId: userRef(),
    lastActivityAt: at().notNull().defaultNow(),
    lastMessageId: uuid(),
    unreadCount: integer().notNull().default(0),
    /** Messages with seq <= this are read. */
    lastReadSeq: seq().notNull().default(0),
    lastReadAt: at(),
  },
  (t) => [
    primaryKey({ columns: [t.chatId, t.userId] }),
    index("private_chat_members_list_idx").on(t.userId, t.lastActivityAt.desc(), t.chatId),
  ],
);

/** Messages, numbered 1, 2, 3, ... per chat; pages are keyset ranges of `seq`. */
export const privateMessages = pgTable(
  "private_messages",
  {
    id: id(),
    chatId: uuid()
      .notNull()
      .references(() => privateChats.id, { onDelete: "cascade" }),
    seq: seq().notNull(),
    authorId: userRef(),
    body: text().notNull(),
    /** A reply keeps existing when its target is deleted (the link becomes null). */
    replyToId: uuid().references((): AnyPgColumn => privateMessages.id, {
      onDelete: "set null",
    }),
    /** Client-chosen idempotency key: a retried send returns the first message. */
    nonce: text(),
    editedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("private_messages_chat_seq_key").on(t.chatId, t.seq),
    uniqueIndex("private_messages_nonce_key")
      .on(t.chatId, t.authorId, t.nonce)
      .where(sql`${t.nonce} is not null`),
    // Deleting a message looks up its replies (the link is cleared), so it needs an index.
    index("private_messages_reply_idx")
      .on(t.replyToId)
      .where(sql`${t.replyToId} is not null`),
  ],
);

/** `userId` blocked `blockedId`: no new chat and no messages between them. */
export const userBlocks = pgTable(
  "user_blocks",
  {
    userId: userRef(),
    blockedId: userRef(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.blockedId] }),
    index("user_blocks_blocked_idx").on(t.blockedId),
  ],
);
