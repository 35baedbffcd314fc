import { deleteStream as deleteStreamRow } from "@guildhall/core/sites";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { streamRef } from "./stream.types";

/**
 * Deletes a stream configuration (NOT_FOUND when it is not on this site; audited), then its stored
 * files; a failure to remove them is logged, not returned.
 */
export const deleteStream = permissionProcedure("stream.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/sites/{siteId}/streams/{streamId}",
      tags: ["streams"],
      summary: "Delete a stream configuration and its stored files",
      protect: true,
    },
  })
  .input(streamRef)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteStreamRow(ctx.db, ctx.hub.id, input.siteId, input.streamId, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return { ok: true as const };
  });
