import { updateHub } from "@guildhall/core/hubs";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubDetails, hubDetailsOf, hubSettingsInput, hubSlug } from "./hub.types";
import { requireChange } from "../../input-rules";

/** Changes a hub's settings and branding; audited. */
export const updateSettings = permissionProcedure("hub.update")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/settings",
      tags: ["hubs"],
      summary: "Change a hub's settings",
    },
  })
  .input(requireChange(hubSettingsInput.extend({ hubSlug }), ["hubSlug"]))
  .output(hubDetails)
  .mutation(async ({ ctx, input }) => {
    const { hubSlug: _, ...settings } = input;
    return hubDetailsOf(await updateHub(ctx.db, actorOf(ctx), settings));
  });
