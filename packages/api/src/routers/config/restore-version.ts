import { restoreConfigVersion } from "@guildhall/core/config";
import { int32Param } from "../../input-rules";
import { permissionProcedure } from "../../procedures";
import { configActor } from "./actor";
import { baseVersion, configWriteResult, sectionInput } from "./config.types";

/** Makes an earlier version live again; it is saved as a new version. */
export const restoreVersion = permissionProcedure("config.update")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/config/{section}/versions/{version}/restore",
      tags: ["config"],
      summary: "Restore an earlier version of a configuration section (a new version)",
      protect: true,
    },
  })
  .input(sectionInput.extend({ version: int32Param(1), baseVersion }))
  .output(configWriteResult)
  .mutation(({ ctx, input }) =>
    restoreConfigVersion(ctx.db, configActor(ctx), input.section, input.version, {
      baseVersion: input.baseVersion,
    }),
  );
