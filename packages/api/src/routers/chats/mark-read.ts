import { markChatRead } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { onChat, readStateOutput } from "./chats.types";

/** Marks a chat read up to a message (default: the newest); never moves backwards. */
export const markRead = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/chats/{chatId}/read",
      tags: ["chats"],
      summary: "Mark a private chat read",
      protect: true,
    },
  })
  .input(z.object({ ...onChat, messageId: z.uuid().optional() }))
  .output(readStateOutput)
  .mutation(({ ctx, input: { chatId, ...read } }) =>
    markChatRead(ctx.db, ctx.principal.userId, chatId, read),
  );
