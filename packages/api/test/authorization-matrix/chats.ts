import { worldChat } from "../support/world-chat";
import type { MatrixEntry } from "./callers";
import { chatParticipants, nobody, onWorldChat, signedIn, signedInGet } from "./callers";

/** The matrix rows of private chats. */
export const chatsRows: Record<string, MatrixEntry> = {
  // private chats (seed 003): user-scoped, under /me; the world's chat is member <-> moderator.
  "chats.start": {
    input: { recipientId: nobody, body: "Hello" },
    badInput: { recipientId: nobody, body: " " },
    outcomes: signedInGet("USER_NOT_FOUND"),
  },
  "chats.list": { input: { limit: 10 }, badInput: { limit: 0 }, outcomes: signedIn },
  "chats.info": { input: onWorldChat, badInput: { chatId: "x" }, outcomes: chatParticipants() },
  "chats.messages": {
    input: { ...onWorldChat, limit: 10 },
    badInput: { ...onWorldChat, before: nobody, after: nobody },
    outcomes: chatParticipants(),
  },
  "chats.send": {
    // The nonce makes repeated runs return the first message instead of adding more.
    input: { ...onWorldChat, body: "Hello from the matrix", nonce: "matrix" },
    badInput: { ...onWorldChat, body: "x".repeat(2001) },
    outcomes: chatParticipants(),
  },
  "chats.edit": {
    input: { ...onWorldChat, messageId: worldChat.messageId, body: "Hello from the world" },
    badInput: { ...onWorldChat, messageId: worldChat.messageId, body: " " },
    outcomes: chatParticipants("ok", "CHAT_MESSAGE_NOT_YOURS"),
  },
  "chats.remove": {
    input: { ...onWorldChat, messageId: worldChat.messageId },
    badInput: { ...onWorldChat, messageId: "x" },
    outcomes: chatParticipants("ok", "CHAT_MESSAGE_NOT_YOURS"),
    restoreAfterEach: true,
  },
  "chats.markRead": {
    input: onWorldChat,
    badInput: { ...onWorldChat, messageId: "x" },
    outcomes: chatParticipants(),
  },
  "chats.typing": { input: onWorldChat, badInput: { chatId: 1 }, outcomes: chatParticipants() },
  "chats.block": {
    input: { userId: nobody },
    badInput: { userId: "me" },
    outcomes: signedInGet("USER_NOT_FOUND"),
  },
  "chats.unblock": { input: { userId: nobody }, badInput: { userId: "x" }, outcomes: signedIn },
  "chats.blocked": { input: undefined, badInput: "x", outcomes: signedIn },
  "chats.watch": {
    input: onWorldChat,
    badInput: { ...onWorldChat, lastEventId: "x" },
    outcomes: chatParticipants(),
  },
};
