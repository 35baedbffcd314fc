import { EXTERNAL_PROVIDERS, unlinkIdentity } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * Detaches a linked provider (NOT_FOUND when it is not linked); audited. Refused for an account
 * without a password whose only provider it is (LAST_SIGN_IN_METHOD).
 */
export const unlinkMyIdentity = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/identities/{provider}",
      tags: ["auth"],
      summary: "Unlink a provider (refused for the last way to sign in)",
    },
  })
  .input(z.object({ provider: z.enum(EXTERNAL_PROVIDERS) }))
  .output(z.object({ unlinked: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await unlinkIdentity(ctx.db, {
      userId: ctx.principal.userId,
      provider: input.provider,
      ip: ctx.ip,
    });
    return { unlinked: true as const };
  });
