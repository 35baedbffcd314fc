import { externalSignIn as signInWith } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { externalOutput, externalProfile, sessionOrMfa } from "./browser.types";

/**
 * After Discord or Yandex proved an account (next-auth checked state and
 * PKCE): links it to the signed-in user (`linkTo`), or signs its user in,
 * creating the account when it is new.
 */
export const externalSignIn = publicProcedure
  .input(z.object({ profile: externalProfile, linkTo: z.uuid().nullable() }))
  .output(externalOutput)
  .mutation(async ({ ctx, input }) => {
    const outcome = await signInWith(ctx.db, input.profile, {
      linkTo: input.linkTo,
      kind: "browser",
      userAgent: ctx.userAgent,
      ip: ctx.ip,
    });
    if (outcome.linked) return outcome;
    return { linked: false as const, result: sessionOrMfa(outcome) };
  });
