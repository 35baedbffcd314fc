import { enabledProviders, providerLabels } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/**
 * The external sign-in providers this instance has configured (Discord,
 * Yandex, Steam), so a client shows only the buttons that work. Browsers
 * start them at `/api/auth/signin/<id>` (Steam: `/api/auth/steam/start`).
 */
export const listProviders = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/auth/providers",
      tags: ["auth"],
      summary: "Configured external sign-in providers",
      protect: false,
    },
  })
  .input(z.void())
  .output(
    z.object({
      items: z.array(z.object({ id: z.enum(["discord", "yandex", "steam"]), name: z.string() })),
    }),
  )
  .query(() => ({
    items: enabledProviders().map((id) => ({ id, name: providerLabels[id] })),
  }));
