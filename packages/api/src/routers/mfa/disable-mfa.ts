import { disableMfa } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { mfaCode, mfaRateLimit } from "./mfa.types";

/**
 * Turns MFA off with a current code or an unused recovery code (INVALID_MFA_CODE; MFA_NOT_ENABLED
 * when it is off); the seed and every recovery code are deleted; audited.
 */
export const disableMfaProcedure = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/mfa/disable",
      tags: ["mfa"],
      summary: "Turn two-factor off (needs a code)",
    },
    rateLimit: mfaRateLimit,
  })
  .input(z.object({ code: mfaCode }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await disableMfa(ctx.db, ctx.principal, input.code, { ip: ctx.ip });
    return { ok: true as const };
  });
