import { sendEmailConfirmation as sendConfirmation } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Sends a new confirmation link for my address (24 h, single use). */
export const sendEmailConfirmation = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/email/confirmation",
      tags: ["auth"],
      summary: "Send my e-mail confirmation link again",
    },
    rateLimit: { name: "mail", points: 3, durationSeconds: 600, by: "user" },
  })
  .input(z.void())
  .output(z.object({ alreadyConfirmed: z.boolean() }))
  .mutation(({ ctx }) => sendConfirmation(ctx.db, ctx.principal.userId));
