import { enableMfa } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { mfaCode, mfaRateLimit } from "./mfa.types";

/**
 * Confirms the seed from mfa.setup with a code (MFA_SETUP_MISSING without one, INVALID_MFA_CODE,
 * MFA_ALREADY_ENABLED) and turns MFA on: returns 10 recovery codes, shown only this once, and
 * counts as a fresh MFA check for this session; audited.
 */
export const enableMfaProcedure = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/mfa/enable",
      tags: ["mfa"],
      summary: "Confirm two-factor setup with a code",
    },
    rateLimit: mfaRateLimit,
  })
  .input(z.object({ code: mfaCode }))
  .output(z.object({ recoveryCodes: z.array(z.string()) }))
  .mutation(({ ctx, input }) => enableMfa(ctx.db, ctx.principal, input.code, { ip: ctx.ip }));
