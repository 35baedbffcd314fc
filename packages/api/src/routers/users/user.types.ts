import { locales } from "@guildhall/core/i18n";
import { z } from "zod";

export const profileOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    description: z.string().nullable(),
    status: z.string().nullable(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    locale: z.string().nullable(),
    timezone: z.string().nullable(),
    privacy: z.record(z.string(), z.string()),
    mfaEnabled: z.boolean(),
    /** Unused MFA recovery codes (0 with MFA off). */
    recoveryCodesRemaining: z.number().int().min(0),
    emailVerified: z.boolean(),
    deletionRequestedAt: z.date().nullable(),
    /** When a requested deletion takes effect (14 days after the request); null when none. */
    deleteAfter: z.date().nullable(),
    /** How many days after a deletion request the account is removed. */
    deletionGraceDays: z.number().int().min(1),
    createdAt: z.date(),
  })
  .meta({ id: "Profile" });

export const publicProfileOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    description: z.string().nullable(),
    status: z.string().nullable(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
  })
  .meta({ id: "PublicProfile" });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const profileUpdate = z.object({
  displayName: z.string().trim().min(1).max(64).nullish(),
  description: z.string().trim().max(190).nullish(),
  status: z.string().trim().max(30).nullish(),
  bio: z.string().trim().max(2000).nullish(),
  locale: z.enum(locales).nullish(),
  timezone: z.string().max(64).refine(isTimeZone).nullish(),
  privacy: z
    .partialRecord(z.enum(["email", "profile", "hubs"]), z.enum(["nobody", "members", "everyone"]))
    .optional(),
});
