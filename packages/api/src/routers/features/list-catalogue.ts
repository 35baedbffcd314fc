import { listFeatures } from "@guildhall/core/features";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { catalogueEntry } from "./feature.types";

/** Every feature of the catalogue, by key, with `enabledHubs`: how many hubs have it enabled. */
export const listCatalogue = superAdminProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/features",
      tags: ["features"],
      summary: "The instance's feature catalogue (super admins)",
      protect: true,
    },
  })
  .input(z.void())
  .output(z.object({ items: z.array(catalogueEntry) }))
  .query(async ({ ctx }) => ({ items: await listFeatures(ctx.db) }));
