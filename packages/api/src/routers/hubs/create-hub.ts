import { createHubFor } from "@guildhall/core/hubs";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { hubDetails, hubDetailsOf, hubSlug } from "./hub.types";

/** Creates a hub with its default roles; the caller becomes its owner (see HUB_CREATION). */
export const createHub = authedProcedure
  .meta({
    openapi: { method: "POST", path: "/hubs", tags: ["hubs"], summary: "Create a hub" },
  })
  .input(
    z.object({
      slug: hubSlug,
      name: z.string().trim().min(2).max(80),
      description: z.string().trim().max(2000).optional(),
      defaultLocale: z.enum(["en", "de", "ru", "zh-TW"]).optional(),
      timezone: z.string().max(64).optional(),
    }),
  )
  .output(hubDetails)
  .mutation(async ({ ctx, input }) =>
    hubDetailsOf(
      await createHubFor(ctx.db, ctx.principal, input, { ip: ctx.ip, requestId: ctx.requestId }),
    ),
  );
