import { createFeature as addFeature } from "@guildhall/core/features";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { catalogueFeature, featureDescription, featureKey, featureName } from "./feature.types";

/** Adds a feature to the catalogue; it stays off until a hub enables it. */
export const createFeature = superAdminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/features",
      tags: ["features"],
      summary: "Add a feature to the catalogue (super admins)",
      protect: true,
    },
  })
  .input(
    z.object({ key: featureKey, name: featureName, description: featureDescription.default("") }),
  )
  .output(catalogueFeature)
  .mutation(({ ctx, input }) =>
    addFeature(ctx.db, input, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
