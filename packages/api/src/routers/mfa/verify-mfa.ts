import { verifyMfaForSession } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { mfaCode, mfaRateLimit } from "./mfa.types";

/** A fresh MFA check for this session, before sensitive actions. */
export const verifyMfa = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/mfa/verify",
      tags: ["mfa"],
      summary: "Confirm a code for sensitive actions",
    },
    rateLimit: mfaRateLimit,
  })
  .input(z.object({ code: mfaCode }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await verifyMfaForSession(ctx.db, ctx.principal, input.code);
    return { ok: true as const };
  });
