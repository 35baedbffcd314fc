import { getConfig } from "@guildhall/core/config";
import { can } from "@guildhall/permissions";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { configSection } from "./config.types";

/** Every section with its live version, and whether the caller may change them. */
export const getAllConfig = permissionProcedure("config.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/config",
      tags: ["config"],
      summary: "All configuration sections of a hub",
      protect: true,
    },
  })
  .input(z.strictObject({ hubSlug }))
  .output(z.object({ canEdit: z.boolean(), sections: z.array(configSection) }))
  .query(async ({ ctx }) => ({
    canEdit: can(ctx.hub.grants, "config.update"),
    sections: await getConfig(ctx.db, ctx.hub.id),
  }));
