import { listConfigVersions } from "@guildhall/core/config";
import { z } from "zod";
import { int32Param } from "../../input-rules";
import { permissionProcedure } from "../../procedures";
import { configVersion, sectionInput } from "./config.types";

/**
 * A section's saved versions, newest first, each with its data, its `diff` and who saved it
 * (`actor`: null when no account did or it was deleted). Paged: pass `nextCursor` as `before`.
 */
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
