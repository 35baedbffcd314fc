import { reloadConfig } from "@guildhall/core/config";
import { requireRecentMfa } from "@guildhall/core/identity";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { configActor } from "./actor";

/**
 * Re-reads every section and reports the versions now live (audited). A
 * sensitive action: with MFA on, it needs a recent MFA check (seed 000).
 */
export const reloadConfigProcedure = permissionProcedure("config.update")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/config/reload",
      tags: ["config"],
      summary: "Reload the hub's configuration (needs a recent MFA check when MFA is on)",
      protect: true,
    },
  })
  .input(z.strictObject({ hubSlug }))
  .output(
    z.object({
      sections: z.array(
        z.object({
          section: z.string(),
          version: z.number().int(),
          updatedAt: z.date().nullable(),
        }),
      ),
    }),
  )
  .mutation(async ({ ctx }) => {
    requireRecentMfa(ctx.principal);
    const sections = await reloadConfig(ctx.db, configActor(ctx));
    return {
      sections: sections.map(({ section, version, updatedAt }) => ({
        section,
        version,
        updatedAt,
      })),
    };
  });
