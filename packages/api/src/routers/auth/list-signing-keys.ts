import { publishedSigningKeys } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/**
 * The public keys that sign access tokens, as a JSON Web Key Set (also at
 * `/.well-known/jwks.json`): other services verify tokens offline with them
 * (`verifyAccessToken` of `@guildhall/client/verify`). A key stays listed
 * until every token it signed has expired, so a rotation never breaks one.
 */
export const listSigningKeys = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/auth/jwks",
      tags: ["auth"],
      summary: "Public keys that sign access tokens (JWKS)",
      protect: false,
    },
  })
  .input(z.void())
  .output(
    z.object({
      keys: z.array(
        z.object({
          kty: z.string(),
          crv: z.string(),
          x: z.string(),
          kid: z.string(),
          alg: z.literal("EdDSA"),
          use: z.literal("sig"),
        }),
      ),
    }),
  )
  .query(async ({ ctx }) => ({ keys: await publishedSigningKeys(ctx.db) }));
