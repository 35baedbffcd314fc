import { updateConfig } from "@guildhall/core/config";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { configActor } from "./actor";
import { configWriteResult, updateConfigInput } from "./config.types";

/** Changes fields of several sections in one transaction (each changed section a new version). */
export const updateConfigProcedure = permissionProcedure("config.update")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/config",
      tags: ["config"],
      summary: "Change fields of several configuration sections at once",
      protect: true,
    },
  })
  .input(updateConfigInput)
  .output(z.object({ sections: z.array(configWriteResult) }))
  .mutation(async ({ ctx, input }) => ({
    sections: await updateConfig(ctx.db, configActor(ctx), input.sections),
  }));
