import { createRole as create } from "@guildhall/core/roles";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { roleFields, roleOutput } from "./role.types";

/** Creates a role below your highest, with permissions you hold yourself. */
export const createRole = permissionProcedure("role.manage")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/roles",
      tags: ["roles"],
      summary: "Create a role",
    },
  })
  .input(roleFields.extend({ hubSlug }))
  .output(roleOutput)
  .mutation(({ ctx, input }) => {
    const { hubSlug: _, ...fields } = input;
    return create(ctx.db, actorOf(ctx), fields);
  });
