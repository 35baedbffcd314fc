import { permissions } from "@guildhall/permissions";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/** The permission registry (keys, dependencies, label keys) for role editors. */
export const listPermissions = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/permissions",
      tags: ["roles"],
      summary: "Every permission, with what it implies",
      protect: false,
    },
  })
  .input(z.void())
  .output(
    z.object({
      items: z.array(
        z.object({
          key: z.string(),
          resource: z.string(),
          action: z.string(),
          dependsOn: z.array(z.string()),
        }),
      ),
    }),
  )
  .query(() => ({
    items: permissions.map(({ key, resource, action, dependsOn }) => ({
      key,
      resource,
      action,
      dependsOn: [...dependsOn],
    })),
  }));
