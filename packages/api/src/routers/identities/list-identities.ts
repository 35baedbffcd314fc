import { EXTERNAL_PROVIDERS, listIdentities } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

const provider = z.enum(EXTERNAL_PROVIDERS);

/**
 * Whether I have a password (`hasPassword`), my linked providers (oldest first) and the providers
 * this instance offers (`available`).
 */
export const listMyIdentities = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/identities",
      tags: ["auth"],
      summary: "My sign-in methods: password, linked providers, providers that can be linked",
    },
  })
  .input(z.void())
  .output(
    z.object({
      hasPassword: z.boolean(),
      identities: z.array(
        z.object({
          provider,
          displayName: z.string().nullable(),
          createdAt: z.date(),
          lastUsedAt: z.date(),
        }),
      ),
      available: z.array(provider),
    }),
  )
  .query(({ ctx }) => listIdentities(ctx.db, ctx.principal.userId));
