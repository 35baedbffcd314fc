import { listBlockedUsers } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { chatUserOutput } from "./chats.types";

/** The users I blocked, most recent first. */
export const listBlocked = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/blocks",
      tags: ["chats"],
      summary: "Users I blocked",
      protect: true,
    },
  })
  .input(z.void())
  .output(
    z.object({
      items: z.array(
        z.object({
          user: chatUserOutput,
          blockedAt: z.date(),
        }),
      ),
    }),
  )
  .query(async ({ ctx }) => ({ items: await listBlockedUsers(ctx.db, ctx.principal.userId) }));
