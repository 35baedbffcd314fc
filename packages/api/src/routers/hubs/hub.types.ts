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
    role: z.string().nullable(),
    joinedAt: z.date(),
  })
  .meta({ id: "MyHub" });

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .nullable();

/** Everything a hub's staff can set (the stream limit only by super admins). */
export const hubSettingsInput = z.object({
  name: z.string().trim().min(2).max(80).optional(),
  description: z.string().trim().max(2000).optional(),
  defaultLocale: z.enum(["en", "de", "ru", "zh-TW"]).optional(),
  timezone: z
    .string()
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC")
    .optional(),
  primaryColor: color.optional(),
  accentColor: color.optional(),
  distanceUnit: z.enum(["km", "mi"]).optional(),
  modules: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{1,31}$/))
    .max(32)
    .optional(),
  joinPolicy: z.enum(["open", "application", "invite"]).optional(),
  streamLimit: z.number().int().min(0).max(10_000).optional(),
});

/** A hub as its members see it, with all settings. */
export const hubDetails = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    defaultLocale: z.string(),
    timezone: z.string(),
    primaryColor: z.string().nullable(),
    accentColor: z.string().nullable(),
    distanceUnit: z.string(),
    modules: z.array(z.string()),
    joinPolicy: z.string(),
    streamLimit: z.number().int(),
    archivedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "HubDetails" });

/** Picks the HubDetails fields from a hub row. */
export function hubDetailsOf(hub: z.infer<typeof hubDetails> & Record<string, unknown>) {
  return hubDetails.parse(hub);
}
