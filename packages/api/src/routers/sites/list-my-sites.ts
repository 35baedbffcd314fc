import { listUserSites } from "@guildhall/core/sites";
import { z } from "zod";
import { hubProcedure } from "../../procedures";
import { hubOnlyInput, mySite } from "./stream.types";

/**
 * The sites the caller is assigned to, with their streams. Assignment is
 * itself the grant: any member reads the sites they work at, without
 * `site.read` (which shows every site of the hub).
 */
export const listMySites = hubProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/me/sites",
      tags: ["sites"],
      summary: "The sites I am assigned to, with their streams",
      protect: true,
    },
  })
  .input(hubOnlyInput)
  .output(z.object({ items: z.array(mySite) }))
  .query(async ({ ctx }) => ({
    items: await listUserSites(ctx.db, ctx.hub.id, ctx.principal.userId),
  }));
