import { updateConfigSection } from "@guildhall/core/config";
import { permissionProcedure } from "../../procedures";
import { configActor } from "./actor";
import { configWriteResult, updateSectionInput } from "./config.types";

/** Changes the given fields of a section; a change is a new version, live at once. */
export const updateSection = permissionProcedure("config.update")
  .meta({
    openapi: {
      method: "PUT",
      path: "/hubs/{hubSlug}/config/{section}",
      tags: ["config"],
      summary: "Change fields of a configuration section (a new version)",
      protect: true,
    },
  })
  .input(updateSectionInput)
  .output(configWriteResult)
  .mutation(({ ctx, input }) =>
    updateConfigSection(ctx.db, configActor(ctx), input.section, input.data, {
      baseVersion: input.baseVersion,
    }),
  );
