import { cancelDeletion as cancelOwnDeletion } from "@guildhall/core";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

export const cancelDeletion = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/deletion",
      tags: ["users"],
      summary: "Keep my account",
    },
  })
  .input(z.void())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await cancelOwnDeletion(ctx.db, ctx.principal.userId);
    return { ok: true as const };
  });
