import { createSite as createSiteRow } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { createSiteInput, site } from "./site.types";

/**
 * Creates a site with a name unique in the hub (SITE_NAME_TAKEN), optionally assigning `userIds`
 * at once: each must be a member of the hub (NOT_A_MEMBER) or nothing is created; audited.
 */
export const createSite = permissionProcedure("site.manage")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/sites",
      tags: ["sites"],
      summary: "Create a site (name unique in the hub), optionally assigning hub members",
      protect: true,
    },
  })
  .input(createSiteInput)
  .output(site)
  .mutation(({ ctx, input }) =>
    createSiteRow(
      ctx.db,
      ctx.hub.id,
      { name: input.name, description: input.description, userIds: input.userIds },
      { actorId: ctx.principal.userId, ip: ctx.ip, requestId: ctx.requestId },
    ),
  );
