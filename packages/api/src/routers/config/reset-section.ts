import { resetConfigSection } from "@guildhall/core/config";
import { permissionProcedure } from "../../procedures";
import { configActor } from "./actor";
import { baseVersion, configWriteResult, sectionInput } from "./config.types";

/**
 * Puts every field of the section back to its default as a new version (history is kept), live at
 * once and audited (`config.reset`). Already at the defaults: nothing saved (`changed: false`);
 * with `baseVersion`, CONFLICT when another version is live.
 */
export const resetSection = permissionProcedure("config.update")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/config/{section}/reset",
      tags: ["config"],
      summary: "Put a configuration section back to its defaults (a new version)",
      protect: true,
    },
  })
  .input(sectionInput.extend({ baseVersion }))
  .output(configWriteResult)
  .mutation(({ ctx, input }) =>
    resetConfigSection(ctx.db, configActor(ctx), input.section, {
      baseVersion: input.baseVersion,
    }),
  );
