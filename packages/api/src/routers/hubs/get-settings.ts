import { AppError } from "@guildhall/core/errors";
import { getHubBySlug } from "@guildhall/core/hubs";
import { z } from "zod";
import { hubProcedure } from "../../procedures";
import { hubDetails, hubDetailsOf, hubSlug } from "./hub.types";

/** The hub's settings and branding, for its members. */
export const getSettings = hubProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/settings",
      tags: ["hubs"],
      summary: "A hub's settings",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(hubDetails)
  .query(async ({ ctx }) => {
    const hub = await getHubBySlug(ctx.db, ctx.hub.slug);
    if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: ctx.hub.slug });
    return hubDetailsOf(hub);
  });
