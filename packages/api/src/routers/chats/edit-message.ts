import { editChatMessage } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { chatMessageOutput, messageBody, onChat } from "./chats.types";

/** Changes the text of my own message. */
export const editMessage = authedProcedure
  .meta({
    openapi: {
      method: "PATCH",
      path: "/me/chats/{chatId}/messages/{messageId}",
      tags: ["chats"],
      summary: "Edit my message",
      protect: true,
    },
    rateLimit: { name: "chat-message", points: 30, durationSeconds: 10, by: "user" },
  })
  .input(z.object({ ...onChat, messageId: z.uuid(), body: messageBody }))
  .output(chatMessageOutput)
  .mutation(({ ctx, input }) =>
    editChatMessage(ctx.db, ctx.principal.userId, input.chatId, input.messageId, input.body),
  );
