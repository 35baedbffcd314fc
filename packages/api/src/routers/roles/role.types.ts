import { z } from "zod";

export const roleOutput = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    position: z.number().int(),
    permissions: z.array(z.string()),
    discordRoleId: z.string().nullable(),
    system: z.boolean(),
  })
  .meta({ id: "Role" });

/** Permission keys, or "*" for every permission (including ones added later). */
const permissionList = z.array(z.string().regex(/^(\*|[a-z]+\.[a-z]+)$/)).max(200);

export const roleFields = z.object({
  name: z.string().trim().min(1).max(50),
  position: z.number().int().min(0).max(100_000),
  permissions: permissionList,
  discordRoleId: z
    .string()
    .regex(/^\d{5,25}$/)
    .nullable()
    .optional(),
});
