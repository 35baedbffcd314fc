import { hubLogoUrl } from "@guildhall/core/hubs";
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
    /** The hub's logo (under /api/files/), or null. */
    logoUrl: z.string().nullable(),
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
    /** The hub's logo (under /api/files/), or null; set with hubs.uploadLogo. */
    logoUrl: z.string().nullable(),
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

/** Picks the HubDetails fields from a hub row (its logo key becomes a URL). */
export function hubDetailsOf(
  hub: Omit<z.infer<typeof hubDetails>, "logoUrl"> & { logoKey: string | null },
) {
  return hubDetails.parse({ ...hub, logoUrl: hubLogoUrl(hub.logoKey) });
}

/** A base64 image (a data: URL prefix is accepted), checked from its bytes: PNG, JPEG, GIF or WebP up to 2 MB. */
export const imageUpload = z.string().min(1).max(2_900_000);

export const uploadedImage = z.object({
  type: z.enum(["image/png", "image/jpeg", "image/gif", "image/webp"]),
  width: z.number().int(),
  height: z.number().int(),
});
