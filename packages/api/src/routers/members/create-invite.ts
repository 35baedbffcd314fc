import { createInvite as create } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { inviteOutput } from "./member.types";

/** An expiring invite code with a preset role (below yours) and optionally one allowed user. */
export const createInvite = permissionProcedure("member.invite")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/invites",
      tags: ["members"],
      summary: "Create an invite",
    },
  })
  .input(
    z.object({
      hubSlug,
      roleId: z.uuid().nullable().optional(),
      targetUserId: z.uuid().nullable().optional(),
      expiresInHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(24),
      maxUses: z.number().int().min(1).max(10_000).nullable().optional(),
    }),
  )
  .output(inviteOutput)
  .mutation(({ ctx, input }) => {
    const { hubSlug: _, ...fields } = input;
    return create(ctx.db, actorOf(ctx), fields);
  });
