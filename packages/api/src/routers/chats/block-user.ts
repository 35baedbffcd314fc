import { blockUser as block } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { blockOutput } from "./chats.types";

/** Blocks a user: no new chat and no messages between us, either way. Idempotent. */
export const blockUser = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/blocks",
      tags: ["chats"],
      summary: "Block a user",
      protect: true,
    },
  })
  .input(z.object({ userId: z.uuid() }))
  .output(blockOutput)
  .mutation(({ ctx, input }) => block(ctx.db, ctx.principal.userId, input.userId));
