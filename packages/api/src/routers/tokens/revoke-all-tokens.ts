import { revokeApplicationTokens } from "@guildhall/core";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

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
