import { removeHubLogo } from "@guildhall/core/hubs";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "./hub.types";

/** Removes the hub's logo and its stored file; audited. */
export const removeLogo = permissionProcedure("hub.update")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/logo",
      tags: ["hubs"],
      summary: "Remove the hub's logo",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await removeHubLogo(ctx.db, actorOf(ctx));
    return { ok: true as const };
  });
