import { deleteRole as remove } from "@guildhall/core/roles";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** Deletes a custom role below your highest (default roles stay). */
export const deleteRole = permissionProcedure("role.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/roles/{roleId}",
      tags: ["roles"],
      summary: "Delete a role",
    },
  })
  .input(z.object({ hubSlug, roleId: z.uuid() }))
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await remove(ctx.db, actorOf(ctx), input.roleId);
    return { deleted: true as const };
  });
