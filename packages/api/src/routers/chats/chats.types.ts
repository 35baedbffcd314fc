import { CHAT_CURSOR_PATTERN } from "@guildhall/core/chats";
import { z } from "zod";

/** Every procedure on one chat names it (a REST path parameter). */
export const onChat = { chatId: z.uuid() };

/** Trimmed; blank is refused. */
export const messageBody = z.string().trim().min(1).max(2000);
export const nonce = z.string().min(1).max(64);

export const chatUserOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
  })
  .meta({ id: "ChatUser" });

export const chatMessageOutput = z
  .object({
    id: z.uuid(),
    /** 1, 2, 3, ... per chat. */
    seq: z.number().int(),
    chatId: z.uuid(),
    authorId: z.uuid(),
    author: chatUserOutput,
    body: z.string(),
    replyToId: z.uuid().nullable(),
    replyTo: z
      .object({ id: z.uuid(), authorId: z.uuid(), preview: z.string() })
      .nullable()
      .describe("The message answered; null when none, or when it was deleted"),
    editedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "ChatMessage" });

export const sentMessageOutput = z.object({
  message: chatMessageOutput,
  duplicate: z
    .boolean()
    .describe("The nonce named an earlier message: it is returned, nothing new"),
});

export const chatListCursor = z.string().regex(CHAT_CURSOR_PATTERN);

export const chatListItemOutput = z
  .object({
    id: z.uuid(),
    other: chatUserOutput,
    lastMessage: z
      .object({ id: z.uuid(), preview: z.string(), authorId: z.uuid(), createdAt: z.date() })
      .nullable(),
    unreadCount: z.number().int(),
    lastReadSeq: z.number().int(),
    lastActivityAt: z.date(),
  })
  .meta({ id: "ChatListItem" });

export const chatInfoOutput = z
  .object({
    id: z.uuid(),
    starter: chatUserOutput,
    recipient: chatUserOutput,
    createdAt: z.date(),
    /** The newest message number handed out. */
    lastSeq: z.number().int(),
    unreadCount: z.number().int(),
    lastReadSeq: z.number().int(),
    otherLastReadSeq: z.number().int().describe("How far the other party has read (receipts)"),
    otherLastReadAt: z.date().nullable(),
  })
  .meta({ id: "ChatInfo" });

export const readStateOutput = z.object({
  chatId: z.uuid(),
  lastReadSeq: z.number().int(),
  unreadCount: z.number().int(),
});

export const blockOutput = z.object({ userId: z.uuid(), blocked: z.boolean() });
