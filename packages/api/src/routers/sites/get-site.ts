import { getSite as getSiteRow } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { siteDetail, siteRef } from "./site.types";

/**
 * One site of the hub (NOT_FOUND otherwise) with its `streamCount` and assigned users by username;
 * users who left the hub are not listed.
 */
export const getSite = permissionProcedure("site.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/sites/{siteId}",
      tags: ["sites"],
      summary: "One site with its assigned users",
      protect: true,
    },
  })
  .input(siteRef)
  .output(siteDetail)
  .query(({ ctx, input }) => getSiteRow(ctx.db, ctx.hub.id, input.siteId));
