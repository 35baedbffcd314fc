import { removeSiteUser as unassignUser } from "@guildhall/core/sites";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { siteUserRef } from "./site.types";

/**
 * Unassigns a user from a site (NOT_FOUND for an unknown site). Idempotent: `removed` is false when
 * they were not assigned; audited only when removed.
 */
export const removeSiteUser = permissionProcedure("site.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/sites/{siteId}/users/{userId}",
      tags: ["sites"],
      summary: "Remove a user from a site (idempotent)",
      protect: true,
    },
  })
  .input(siteUserRef)
  .output(z.object({ removed: z.boolean() }))
  .mutation(({ ctx, input }) =>
    unassignUser(ctx.db, ctx.hub.id, input.siteId, input.userId, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
