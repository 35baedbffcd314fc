import { listHubFeatures as hubFeatures } from "@guildhall/core/features";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { hubFeatureList } from "./feature.types";

/** Every catalogue feature with this hub's setting (never set up = off). */
export const listHubFeatures = permissionProcedure("feature.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/features",
      tags: ["features"],
      summary: "The hub's feature settings",
      protect: true,
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(hubFeatureList)
  .query(({ ctx }) => hubFeatures(ctx.db, ctx.hub.id));
