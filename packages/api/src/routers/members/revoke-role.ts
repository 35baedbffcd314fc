import { removeRole } from "@guildhall/core/roles";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** Removes a role below your highest from a member below you (the last owner keeps theirs). */
export const revokeRole = permissionProcedure("role.assign")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/members/{userId}/roles/{roleId}",
      tags: ["members"],
      summary: "Remove a role",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid(), roleId: z.uuid() }))
  .output(z.object({ revoked: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeRole(ctx.db, actorOf(ctx), input.userId, input.roleId);
    return { revoked: true as const };
  });
