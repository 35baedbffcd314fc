import { streamUsage as usageOf } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { hubOnlyInput, streamUsage } from "./stream.types";

/**
 * `used`: the streams of all the hub's sites; `limit`: how many it may have, set by super admins
 * in the hub settings. At `used` = `limit`, sites.streams.create fails (STREAM_LIMIT_REACHED).
 */
export const getStreamLimit = permissionProcedure("stream.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/stream-limit",
      tags: ["streams"],
      summary: "How many streams the hub has and may have",
      protect: true,
    },
  })
  .input(hubOnlyInput)
  .output(streamUsage)
  .query(({ ctx }) => usageOf(ctx.db, ctx.hub.id));
