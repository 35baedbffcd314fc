import { listSites as listSiteRows } from "@guildhall/core/sites";
import { permissionProcedure } from "../../procedures";
import { listSitesInput, listSitesOutput } from "./site.types";

/**
 * The hub's sites, newest first; `userCount` counts assigned users still in the hub. Paged: pass
 * `nextCursor` as `cursor`.
 */
export const listSites = permissionProcedure("site.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/sites",
      tags: ["sites"],
      summary: "The hub's sites, newest first, with user and stream counts",
      protect: true,
    },
  })
  .input(listSitesInput)
  .output(listSitesOutput)
  .query(({ ctx, input }) =>
    listSiteRows(ctx.db, { hubId: ctx.hub.id, cursor: input.cursor, limit: input.limit }),
  );
