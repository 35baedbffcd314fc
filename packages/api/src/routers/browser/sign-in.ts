import { passwordLogin } from "@guildhall/core/identity";
import { z } from "zod";
import { loginRule } from "../../middleware/sign-in-limits";
import { publicProcedure } from "../../procedures";
import { browserSignInOutput, formText, sessionOrMfa } from "./browser.types";

/** The dashboard's password sign-in (next-auth's credentials step): a browser session or the MFA step. */
export const signIn = publicProcedure
  .meta({ rateLimit: loginRule })
  .input(z.object({ login: formText, password: formText }))
  .output(browserSignInOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await passwordLogin(ctx.db, {
      ...input,
      kind: "browser",
      userAgent: ctx.userAgent,
      ip: ctx.ip,
    });
    return sessionOrMfa(result);
  });
