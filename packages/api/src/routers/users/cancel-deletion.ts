import { cancelDeletion as cancelOwnDeletion } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * Withdraws my deletion request, so the account stays; answers the same when none was pending.
 * Audited.
 */
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
