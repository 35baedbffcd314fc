import { regenerateRecoveryCodes } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { mfaCode, mfaRateLimit } from "./mfa.types";

/**
 * Ten new recovery codes, shown once; the old ones stop working at once. Needs
 * a current TOTP code, or (without one) an MFA check of this session within 15 minutes.
 */
export const regenerateRecoveryCodesProcedure = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/mfa/recovery-codes",
      tags: ["mfa"],
      summary: "Replace the recovery codes (needs a TOTP code or a recent MFA check)",
    },
    rateLimit: mfaRateLimit,
  })
  .input(z.object({ code: mfaCode.optional() }).strict())
  .output(z.object({ recoveryCodes: z.array(z.string()) }))
  .mutation(({ ctx, input }) =>
    regenerateRecoveryCodes(ctx.db, ctx.principal, input.code, {
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
