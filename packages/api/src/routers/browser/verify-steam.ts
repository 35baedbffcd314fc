import { verifySteamSignIn } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { externalProfile } from "./browser.types";

/**
 * Steam's signed OpenID assertion, verified (every OpenID check,
 * check_authentication with Steam, nonce replay) against our own callback
 * URL as the request reached us: the account it proves.
 */
export const verifySteam = publicProcedure
  .input(z.object({ assertion: z.string().max(8192), callback: z.url().max(2048) }))
  .output(externalProfile)
  .mutation(({ ctx, input }) =>
    verifySteamSignIn(ctx.db, new URLSearchParams(input.assertion), input.callback),
  );
