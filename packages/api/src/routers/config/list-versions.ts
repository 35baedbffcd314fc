import { listConfigVersions } from "@guildhall/core";
import { z } from "zod";
import { int32Param } from "../../input-rules";
import { permissionProcedure } from "../../procedures";
import { configVersion, sectionInput } from "./config.types";

export const listVersions = permissionProcedure("config.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/config/{section}/versions",
      tags: ["config"],
      summary: "Saved versions of a configuration section, newest first (who, when, what changed)",
      protect: true,
    },
  })
  .input(
    sectionInput.extend({
      before: int32Param(1).optional().describe("Versions below this one"),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  )
  .output(z.object({ items: z.array(configVersion), nextCursor: z.number().int().nullable() }))
  .query(({ ctx, input }) =>
    listConfigVersions(ctx.db, {
      hubId: ctx.hub.id,
      section: input.section,
      before: input.before,
      limit: input.limit,
    }),
  );
