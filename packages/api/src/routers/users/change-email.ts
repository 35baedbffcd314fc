import { requestEmailChange } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * Starts an address change: a 1-hour link goes to the new address (the old
 * one is told); the address changes when the link is opened.
 */
export const changeEmail = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/email",
      tags: ["users"],
      summary: "Change my e-mail address (confirmed by a link to the new address)",
    },
    rateLimit: { name: "email-change", points: 5, durationSeconds: 3600, by: "user" },
  })
  .input(
    z.object({
      email: z.email().max(254),
      /** The current password, when the account has one. */
      password: z.string().max(1024).optional(),
    }),
  )
  .output(z.object({ sent: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await requestEmailChange(ctx.db, { userId: ctx.principal.userId, ...input });
    return { sent: true as const };
  });
