import { unblockUser as unblock } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { blockOutput } from "./chats.types";

/** Lifts my block of a user (nothing to do when there is none). */
export const unblockUser = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/blocks/{userId}",
      tags: ["chats"],
      summary: "Unblock a user",
      protect: true,
    },
  })
  .input(z.object({ userId: z.uuid() }))
  .output(blockOutput)
  .mutation(({ ctx, input }) => unblock(ctx.db, ctx.principal.userId, input.userId));
