import { listStreams as listStreamRows } from "@guildhall/core/sites";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { siteRef } from "./site.types";
import { stream } from "./stream.types";

/** Every stream configuration of a site of the hub, by name (NOT_FOUND for an unknown site). */
export const listStreams = permissionProcedure("stream.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/sites/{siteId}/streams",
      tags: ["streams"],
      summary: "A site's stream configurations, by name",
      protect: true,
    },
  })
  .input(siteRef)
  .output(z.object({ items: z.array(stream) }))
  .query(async ({ ctx, input }) => ({
    items: await listStreamRows(ctx.db, ctx.hub.id, input.siteId),
  }));
