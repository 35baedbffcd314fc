import { beginMfaSetup } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Offers a TOTP seed: otpauth URI and QR image. Not active until `enable`. */
export const setupMfa = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/mfa/setup",
      tags: ["mfa"],
      summary: "Start two-factor setup",
    },
  })
  .input(z.void())
  .output(z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() }))
  .mutation(({ ctx }) => beginMfaSetup(ctx.db, ctx.principal.userId));
