import { deleteChatMessage } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { onChat } from "./chats.types";

/** Deletes my own message for good; replies to it stay, without their target. */
export const deleteMessage = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/chats/{chatId}/messages/{messageId}",
      tags: ["chats"],
      summary: "Delete my message",
      protect: true,
    },
  })
  .input(z.object({ ...onChat, messageId: z.uuid() }))
  .output(z.object({ chatId: z.uuid(), messageId: z.uuid(), deleted: z.literal(true) }))
  .mutation(({ ctx, input }) =>
    deleteChatMessage(ctx.db, ctx.principal.userId, input.chatId, input.messageId),
  );
