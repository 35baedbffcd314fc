import { hubLogoUrl } from "@guildhall/core/hubs";
import { z } from "zod";
import { hubProcedure } from "../../procedures";
import { hubSlug } from "./hub.types";

/** The hub as the caller sees it (name, logo), what they may do there (the dashboard hides the rest), and their roles. */
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
      hub: z.object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        logoUrl: z.string().nullable(),
      }),
      superAdmin: z.boolean(),
      roles: z.array(
        z.object({ id: z.uuid(), key: z.string(), name: z.string(), position: z.number().int() }),
      ),
      permissions: z.array(z.string()),
    }),
  )
  .query(({ ctx }) => ({
    hub: {
      id: ctx.hub.id,
      slug: ctx.hub.slug,
      name: ctx.hub.name,
      logoUrl: hubLogoUrl(ctx.hub.logoKey),
    },
    superAdmin: ctx.principal.superAdmin,
    roles: ctx.hub.roles,
    permissions: [...ctx.hub.grants.permissions].sort(),
  }));
