import { streamUsage as usageOf } from "@guildhall/core";
import { permissionProcedure } from "../../procedures";
import { hubOnlyInput, streamUsage } from "./stream.types";

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
