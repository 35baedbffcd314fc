import { listApplicationTokens } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { applicationTokenOutput } from "./token.types";

/**
 * My application tokens that are not revoked (expired ones included), newest first; only their
 * `prefix` is shown, never the token.
 */
export const listTokens = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/tokens",
      tags: ["tokens"],
      summary: "My application tokens",
    },
  })
  .input(z.void())
  .output(z.object({ items: z.array(applicationTokenOutput) }))
  .query(async ({ ctx }) => ({ items: await listApplicationTokens(ctx.db, ctx.principal.userId) }));
