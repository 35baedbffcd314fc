import { chatInfo } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { chatInfoOutput, onChat } from "./chats.types";

/** One of my chats (seed 003 `info`): its two people and both read positions. */
export const getChat = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/chats/{chatId}",
      tags: ["chats"],
      summary: "A private chat",
      protect: true,
    },
  })
  .input(z.object(onChat))
  .output(chatInfoOutput)
  .query(({ ctx, input }) => chatInfo(ctx.db, ctx.principal.userId, input.chatId));
