import { updateStream as updateStreamRow } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { stream, updateStreamInput } from "./stream.types";
import { requireChange } from "../../input-rules";

/**
 * Changes the given fields only (at least one). The name stays unique per site
 * (STREAM_NAME_TAKEN) and the end hour after the start hour (VALIDATION_FAILED); audited before and
 * after, with any password in the video URL masked.
 */
export const updateStream = permissionProcedure("stream.manage")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/sites/{siteId}/streams/{streamId}",
      tags: ["streams"],
      summary: "Change fields of a stream configuration",
      protect: true,
    },
  })
  .input(requireChange(updateStreamInput, ["hubSlug", "siteId", "streamId"]))
  .output(stream)
  .mutation(({ ctx, input }) => {
    const { hubSlug: _hubSlug, siteId, streamId, ...patch } = input;
    return updateStreamRow(ctx.db, ctx.hub.id, siteId, streamId, patch, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  });
