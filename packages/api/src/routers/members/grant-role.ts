import { assignRole } from "@guildhall/core/roles";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** Grants a role below your highest to a member below you. */
export const grantRole = permissionProcedure("role.assign")
  .meta({
    openapi: {
      method: "PUT",
      path: "/hubs/{hubSlug}/members/{userId}/roles/{roleId}",
      tags: ["members"],
      summary: "Grant a role",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid(), roleId: z.uuid() }))
  .output(z.object({ granted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await assignRole(ctx.db, actorOf(ctx), input.userId, input.roleId);
    return { granted: true as const };
  });
