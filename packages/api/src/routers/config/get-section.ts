import { getConfigSection } from "@guildhall/core/config";
import { permissionProcedure } from "../../procedures";
import { configSection, sectionInput } from "./config.types";

/**
 * One section's live data, read fresh on every call; `version` 0 and the defaults while it was
 * never saved. Stored fields the schema no longer accepts read as their defaults.
 */
export const getSection = permissionProcedure("config.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/config/{section}",
      tags: ["config"],
      summary: "One configuration section (its defaults until saved)",
      protect: true,
    },
  })
  .input(sectionInput)
  .output(configSection)
  .query(({ ctx, input }) => getConfigSection(ctx.db, ctx.hub.id, input.section));
