import { listRoles as list } from "@guildhall/core/roles";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { roleOutput } from "./role.types";

/**
 * The hub's roles, highest `position` first, each with how many members hold it (`members`);
 * `system` roles are built in and cannot be deleted.
 */
export const listRoles = permissionProcedure("role.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/roles",
      tags: ["roles"],
      summary: "A hub's roles, highest first, with member counts",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ items: z.array(roleOutput.extend({ members: z.number().int() })) }))
  .query(async ({ ctx }) => ({ items: await list(ctx.db, ctx.hub.id) }));
