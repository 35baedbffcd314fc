import { updateSite as updateSiteRow } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { site, updateSiteInput } from "./site.types";
import { requireChange } from "../../input-rules";

/**
 * Changes a site's `name` (unique in the hub: SITE_NAME_TAKEN) or `description`, at least one;
 * audited with the values before and after.
 */
export const updateSite = permissionProcedure("site.manage")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/sites/{siteId}",
      tags: ["sites"],
      summary: "Rename a site or change its description",
      protect: true,
    },
  })
  .input(requireChange(updateSiteInput, ["hubSlug", "siteId"]))
  .output(site)
  .mutation(({ ctx, input }) =>
    updateSiteRow(
      ctx.db,
      ctx.hub.id,
      input.siteId,
      { name: input.name, description: input.description },
      { actorId: ctx.principal.userId, ip: ctx.ip, requestId: ctx.requestId },
    ),
  );
