import { sendChatMessage } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { messageBody, nonce, onChat, sentMessageOutput } from "./chats.types";

/**
 * Sends a message in one of my chats, optionally answering one of its
 * messages. With a `nonce`, a retry returns the first message (`duplicate`).
 */
export const sendMessage = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/chats/{chatId}/messages",
      tags: ["chats"],
      summary: "Send a message",
      protect: true,
    },
    rateLimit: { name: "chat-message", points: 30, durationSeconds: 10, by: "user" },
  })
  .input(
    z.object({
      ...onChat,
      body: messageBody,
      replyToId: z.uuid().optional(),
      nonce: nonce.optional(),
    }),
  )
  .output(sentMessageOutput)
  .mutation(({ ctx, input: { chatId, ...message } }) =>
    sendChatMessage(ctx.db, ctx.principal.userId, chatId, message),
  );
