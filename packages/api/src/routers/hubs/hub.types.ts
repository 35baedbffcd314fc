import { z } from "zod";

/** Lowercase letters, digits and inner hyphens, 3-32 characters. */
export const hubSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);

export const publicHub = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    defaultLocale: z.string(),
    timezone: z.string(),
  })
  .meta({ id: "PublicHub" });

export const myHub = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    role: z.string(),
    joinedAt: z.date(),
  })
  .meta({ id: "MyHub" });
