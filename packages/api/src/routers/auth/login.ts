import { passwordLogin } from "@guildhall/core/identity";
import { z } from "zod";
import { loginRule } from "../../middleware/sign-in-limits";
import { publicProcedure } from "../../procedures";
import { loginOutput } from "./auth.types";
import { signedIn } from "./signed-in";

/** Password sign-in for API clients: tokens, or an MFA ticket when MFA is on. */
export const login = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/login",
      tags: ["auth"],
      summary: "Sign in with a password",
      protect: false,
    },
    rateLimit: loginRule,
  })
  .input(
    z.object({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
  )
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await passwordLogin(ctx.db, { ...input, userAgent: ctx.userAgent, ip: ctx.ip });
    if (result.mfaRequired)
      return {
        mfaRequired: true as const,
        mfaTicket: result.mfaTicket,
        expiresIn: result.expiresIn,
      };
    return signedIn(ctx.db, result);
  });
