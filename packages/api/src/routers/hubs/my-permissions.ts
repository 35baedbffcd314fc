import { z } from "zod";
import { hubProcedure } from "../../procedures";
import { hubSlug } from "./hub.types";

/** What the caller may do in the hub (the dashboard hides the rest), and their roles. */
export const myPermissions = hubProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/me/permissions",
      tags: ["hubs"],
      summary: "My roles and permissions in a hub",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(
    z.object({
      superAdmin: z.boolean(),
      roles: z.array(
        z.object({ id: z.uuid(), key: z.string(), name: z.string(), position: z.number().int() }),
      ),
      permissions: z.array(z.string()),
    }),
  )
  .query(({ ctx }) => ({
    superAdmin: ctx.principal.superAdmin,
    roles: ctx.hub.roles,
    permissions: [...ctx.hub.grants.permissions].sort(),
  }));
