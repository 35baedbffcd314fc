import { deleteSite as deleteSiteRow } from "@guildhall/core/sites";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { siteRef } from "./site.types";

/**
 * Deletes a site with its stream configurations and user assignments in one step (audited), then
 * its stored files; `streamsDeleted` counts the streams. A failure to remove files is logged, not
 * returned.
 */
export const deleteSite = permissionProcedure("site.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/sites/{siteId}",
      tags: ["sites"],
      summary: "Delete a site with its streams, user assignments and stored files",
      protect: true,
    },
  })
  .input(siteRef)
  .output(z.object({ ok: z.literal(true), streamsDeleted: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const deleted = await deleteSiteRow(ctx.db, ctx.hub.id, input.siteId, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return { ok: true as const, streamsDeleted: deleted.streams };
  });
