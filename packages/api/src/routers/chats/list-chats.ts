import { listChats as list } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { chatListCursor, chatListItemOutput } from "./chats.types";

/** My chats, most recent activity first, with the other party, last message and unread count. */
export const listChats = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/chats",
      tags: ["chats"],
      summary: "My private chats (most recent first)",
      protect: true,
    },
  })
  .input(
    z.object({
      limit: z.coerce.number().int().min(1).max(100).default(50),
      cursor: chatListCursor.optional(),
    }),
  )
  .output(z.object({ items: z.array(chatListItemOutput), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => list(ctx.db, ctx.principal.userId, input));
