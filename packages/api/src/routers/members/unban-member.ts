import { unbanUser } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/**
 * Lifts the ban in force on a user (NOT_FOUND when none: lifted or expired already); audited. The
 * ban removed them from the hub and lifting it does not make them a member again.
 */
export const unbanMember = permissionProcedure("member.ban")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/bans/{userId}",
      tags: ["members"],
      summary: "Lift a ban",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid() }))
  .output(z.object({ lifted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await unbanUser(ctx.db, actorOf(ctx), input.userId);
    return { lifted: true as const };
  });
