import { requestDeletion as requestOwnDeletion } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Deletes my account after a 14-day grace period (cancel with `cancelDeletion`). */
export const requestDeletion = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/deletion",
      tags: ["users"],
      summary: "Delete my account (14-day grace)",
    },
  })
  .input(z.void())
  .output(z.object({ deletionRequestedAt: z.date(), deleteAfter: z.date() }))
  .mutation(({ ctx }) => requestOwnDeletion(ctx.db, ctx.principal.userId));
