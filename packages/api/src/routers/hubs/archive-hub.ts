import { archiveHub as archive } from "@guildhall/core/hubs";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "./hub.types";

/** Archives the hub: it reads as not found until an owner or super admin restores it. */
export const archiveHub = permissionProcedure("hub.archive")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/archive",
      tags: ["hubs"],
      summary: "Archive a hub",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ archived: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await archive(ctx.db, actorOf(ctx));
    return { archived: true as const };
  });
