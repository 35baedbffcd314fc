import { revokeInvite as revoke } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/**
 * Revokes an invite of this hub: its code no longer admits anyone; audited. Unknown or already
 * revoked: NOT_FOUND.
 */
export const revokeInvite = permissionProcedure("member.invite")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/invites/{inviteId}",
      tags: ["members"],
      summary: "Revoke an invite",
    },
  })
  .input(z.object({ hubSlug, inviteId: z.uuid() }))
  .output(z.object({ revoked: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await revoke(ctx.db, actorOf(ctx), input.inviteId);
    return { revoked: true as const };
  });
