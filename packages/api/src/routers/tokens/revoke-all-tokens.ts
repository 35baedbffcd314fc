import { revokeApplicationTokens } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * Revokes every application token I have, at once (`revoked` counts them; 0 is fine); my sessions
 * stay. Audited.
 */
export const revokeAllTokens = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/tokens",
      tags: ["tokens"],
      summary: "Revoke all my application tokens",
    },
  })
  .input(z.void())
  .output(z.object({ revoked: z.number().int() }))
  .mutation(async ({ ctx }) => ({
    revoked: await revokeApplicationTokens(ctx.db, ctx.principal.userId, null, ctx.ip),
  }));
