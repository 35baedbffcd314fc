import { startChat as start } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { chatMessageOutput, messageBody, nonce } from "./chats.types";

/**
 * Opens a private chat with another user (seed 003 `start-chat`), or returns
 * the pair's existing one (`created: false`); `body` is sent as a message.
 */
export const startChat = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/chats",
      tags: ["chats"],
      summary: "Start a private chat",
      protect: true,
    },
    rateLimit: { name: "chat-message", points: 30, durationSeconds: 10, by: "user" },
  })
  .input(z.object({ recipientId: z.uuid(), body: messageBody.optional(), nonce: nonce.optional() }))
  .output(
    z.object({ chatId: z.uuid(), created: z.boolean(), message: chatMessageOutput.nullable() }),
  )
  .mutation(({ ctx, input }) => start(ctx.db, ctx.principal.userId, input));
