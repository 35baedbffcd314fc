import { createStream as createStreamRow } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { createStreamInput, stream } from "./stream.types";

/**
 * Adds a stream configuration to a site while the hub is under its stream limit, counted over all
 * its sites (STREAM_LIMIT_REACHED, with `used` and `limit`). Names are unique per site
 * (STREAM_NAME_TAKEN); work hours default to 7-18, the end after the start; audited.
 */
export const createStream = permissionProcedure("stream.manage")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/sites/{siteId}/streams",
      tags: ["streams"],
      summary: "Add a stream configuration (403 STREAM_LIMIT_REACHED at the hub's limit)",
      protect: true,
    },
  })
  .input(createStreamInput)
  .output(stream)
  .mutation(({ ctx, input }) => {
    const { hubSlug: _hubSlug, siteId, ...fields } = input;
    return createStreamRow(ctx.db, ctx.hub.id, siteId, fields, {
      actorId: ctx.principal.userId,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  });
