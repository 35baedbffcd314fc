import { dismiss } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** Removes a member ranked below you. */
export const dismissMember = permissionProcedure("member.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/members/{userId}",
      tags: ["members"],
      summary: "Remove a member",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid(), reason: z.string().trim().max(500).optional() }))
  .output(z.object({ removed: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await dismiss(ctx.db, actorOf(ctx), input.userId, input.reason ?? "");
    return { removed: true as const };
  });
