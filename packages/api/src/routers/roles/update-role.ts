import { updateRole as update } from "@guildhall/core/roles";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { roleFields, roleOutput } from "./role.types";
import { requireChange } from "../../input-rules";

/** Edits a role below your highest (it must stay below). */
export const updateRole = permissionProcedure("role.manage")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/roles/{roleId}",
      tags: ["roles"],
      summary: "Edit a role",
    },
  })
  .input(
    requireChange(roleFields.partial().extend({ hubSlug, roleId: z.uuid() }), [
      "hubSlug",
      "roleId",
    ]),
  )
  .output(roleOutput)
  .mutation(({ ctx, input }) => {
    const { hubSlug: _, roleId, ...fields } = input;
    return update(ctx.db, actorOf(ctx), roleId, fields);
  });
