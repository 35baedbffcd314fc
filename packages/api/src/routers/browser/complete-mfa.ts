import { AppError } from "@guildhall/core/errors";
import { completeMfaLogin } from "@guildhall/core/identity";
import { z } from "zod";
import { mfaAttemptBudget } from "../../middleware/sign-in-limits";
import { publicProcedure } from "../../procedures";
import { browserSession, formText } from "./browser.types";

/** The dashboard's MFA code step, with the ticket the first step left in a cookie. */
export const completeMfa = publicProcedure
  .input(z.object({ ticket: formText, code: formText }))
  .output(browserSession)
  .mutation(async ({ ctx, input }) => {
    if (!input.ticket) throw new AppError("INVALID_TOKEN");
    const result = await completeMfaLogin(
      ctx.db,
      { ...input, kind: "browser", userAgent: ctx.userAgent, ip: ctx.ip },
      mfaAttemptBudget(ctx.ip),
    );
    return { userId: result.userId, sessionId: result.sessionId };
  });
