import { enabledFeatureKeys } from "@guildhall/core/features";
import { z } from "zod";
import { hubProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** In one call: the keys of the features that are on for the caller in the hub. */
export const listMyFeatures = hubProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/features/mine",
      tags: ["features"],
      summary: "The features on for me in the hub",
      protect: true,
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ features: z.array(z.string()) }))
  .query(async ({ ctx }) => ({
    features: await enabledFeatureKeys(ctx.db, {
      hubId: ctx.hub.id,
      userId: ctx.principal.userId,
      roleIds: ctx.hub.roles.map((role) => role.id),
    }),
  }));
