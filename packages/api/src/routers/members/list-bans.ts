import { listBans as list } from "@guildhall/core/members";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { banEntryOutput } from "./member.types";

/** Ban history, newest first (optionally one user's, or only bans in force). */
export const listBans = permissionProcedure("member.ban")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/bans",
      tags: ["members"],
      summary: "Bans and their history",
    },
  })
  .input(
    z.object({
      hubSlug,
      userId: z.uuid().optional(),
      active: z
        .enum(["true", "false"])
        .transform((v) => v === "true")
        .optional(),
      limit: z.coerce.number().int().min(1).max(200).default(100),
    }),
  )
  .output(z.object({ items: z.array(banEntryOutput) }))
  .query(async ({ ctx, input }) => ({
    items: await list(ctx.db, ctx.hub.id, {
      userId: input.userId,
      activeOnly: input.active,
      limit: input.limit,
    }),
  }));
