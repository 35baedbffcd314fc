import { addSiteUser as assignUser } from "@guildhall/core/sites";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { siteUserRef } from "./site.types";

/**
 * Assigns a hub member to a site (NOT_A_MEMBER for anyone else, NOT_FOUND for a site of no such
 * id here). Idempotent: `added` is false when already assigned; audited only when added.
 */
export const addSiteUser = permissionProcedure("site.manage")
  .meta({
    openapi: {
      method: "PUT",
      path: "/hubs/{hubSlug}/sites/{siteId}/users/{userId}",
      tags: ["sites"],
      summary: "Assign a member of the hub to a site (idempotent)",
      protect: true,
    },
  })
  .input(siteUserRef)
  .output(z.object({ added: z.boolean() }))
  .mutation(({ ctx, input }) =>
    assignUser(ctx.db, ctx.hub.id, input.siteId, input.userId, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
