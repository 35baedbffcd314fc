import { revokeApplicationTokens } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * Revokes one of my application tokens: it stops working at once; audited. Unknown, another user's
 * or already revoked: NOT_FOUND.
 */
export const revokeToken = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/tokens/{tokenId}",
      tags: ["tokens"],
      summary: "Revoke an application token",
    },
  })
  .input(z.object({ tokenId: z.uuid() }))
  .output(z.object({ revoked: z.number().int() }))
  .mutation(async ({ ctx, input }) => ({
    revoked: await revokeApplicationTokens(ctx.db, ctx.principal.userId, input.tokenId, ctx.ip),
  }));
