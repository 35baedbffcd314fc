import { AppError } from "@guildhall/core/errors";
import { getHubBySlug } from "@guildhall/core/hubs";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { hubSlug, publicHub } from "./hub.types";

/** A hub's public card (name, description, language): what a visitor sees before joining. */
export const getHub = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}",
      tags: ["hubs"],
      protect: false,
      summary: "A hub's public information",
    },
  })
  .input(z.object({ hubSlug }))
  .output(publicHub)
  .query(async ({ ctx, input }) => {
    const hub = await getHubBySlug(ctx.db, input.hubSlug);
    if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: input.hubSlug });
    const { id, slug, name, description, defaultLocale, timezone } = hub;
    return { id, slug, name, description, defaultLocale, timezone };
  });
