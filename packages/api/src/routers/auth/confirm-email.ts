import { confirmEmail as confirm } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/**
 * Uses a mailed confirmation link (24 h) or address-change link (1 h), once; a change link also
 * switches the account to the new address (EMAIL_TAKEN if another account has it by now). An
 * unknown, used or expired link, or one for an address the account no longer has: INVALID_TOKEN.
 */
export const confirmEmail = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/confirm-email",
      tags: ["auth"],
      summary: "Confirm an e-mail address with the mailed link",
      protect: false,
    },
    rateLimit: { name: "email-link", points: 10, durationSeconds: 60, by: "ip" },
  })
  .input(z.object({ token: z.string().min(10).max(200) }))
  .output(z.object({ username: z.string() }))
  .mutation(({ ctx, input }) => confirm(ctx.db, input.token));
