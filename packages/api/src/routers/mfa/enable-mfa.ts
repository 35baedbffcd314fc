import { enableMfa } from "@guildhall/core";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { mfaCode, mfaRateLimit } from "./mfa.types";

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
