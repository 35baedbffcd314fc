import { deleteFeature as removeFeature } from "@guildhall/core/features";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { featureKey } from "./feature.types";

/** Removes a feature from the catalogue and from every hub's settings. */
export const deleteFeature = superAdminProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/features/{featureKey}",
      tags: ["features"],
      summary: "Delete a feature everywhere (super admins)",
      protect: true,
    },
  })
  .input(z.object({ featureKey }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeFeature(ctx.db, input.featureKey, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return { ok: true as const };
  });
