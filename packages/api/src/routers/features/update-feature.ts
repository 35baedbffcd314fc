import { updateFeature as changeFeature } from "@guildhall/core/features";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { catalogueFeature, featureDescription, featureKey, featureName } from "./feature.types";
import { requireChange } from "../../input-rules";

/** Renames or re-describes a feature; the key is permanent (code refers to it). */
export const updateFeature = superAdminProcedure
  .meta({
    openapi: {
      method: "PATCH",
      path: "/features/{featureKey}",
      tags: ["features"],
      summary: "Change a feature's name or description (super admins)",
      protect: true,
    },
  })
  .input(
    requireChange(
      z.object({
        featureKey,
        name: featureName.optional(),
        description: featureDescription.optional(),
      }),
      ["featureKey"],
    ),
  )
  .output(catalogueFeature)
  .mutation(({ ctx, input: { featureKey: key, ...patch } }) =>
    changeFeature(ctx.db, key, patch, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
