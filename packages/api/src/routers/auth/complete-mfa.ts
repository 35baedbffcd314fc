import { completeMfaLogin } from "@guildhall/core/identity";
import { z } from "zod";
import { mfaAttemptBudget } from "../../middleware/sign-in-limits";
import { publicProcedure } from "../../procedures";
import { loginOutput } from "./auth.types";
import { signedIn } from "./signed-in";

/** Second step of a sign-in with MFA: the ticket plus a TOTP or recovery code. */
export const completeMfa = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/mfa",
      tags: ["auth"],
      summary: "Finish a sign-in with an MFA code",
      protect: false,
    },
    rateLimit: { name: "mfa", points: 5, durationSeconds: 60, by: "ip" },
  })
  .input(z.object({ ticket: z.string().min(10).max(200), code: z.string().trim().min(6).max(20) }))
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await completeMfaLogin(
      ctx.db,
      { ...input, userAgent: ctx.userAgent, ip: ctx.ip },
      mfaAttemptBudget(ctx.ip),
    );
    return signedIn(ctx.db, result);
  });
