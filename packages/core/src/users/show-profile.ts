import { type schema } from "@guildhall/db";
import { avatarUrl } from "./avatar";
import { DELETION_GRACE_DAYS } from "./request-deletion";

/**
 * The profile fields a user sees of themselves; `recoveryCodesRemaining` is
 * countUnusedRecoveryCodes (identity), passed in to keep this a plain mapping.
 */
export function ownProfile(user: typeof schema.users.$inferSelect, recoveryCodesRemaining: number) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    description: user.description,
    status: user.status,
    bio: user.bio,
    avatarUrl: avatarUrl(user.avatarKey),
    locale: user.locale,
    timezone: user.timezone,
    privacy: user.privacy,
    mfaEnabled: user.mfaEnabledAt !== null,
    recoveryCodesRemaining,
    emailVerified: user.emailVerifiedAt !== null,
    deletionRequestedAt: user.deletionRequestedAt,
    /** When a requested deletion happens (unless cancelled before). */
    deleteAfter: user.deletionRequestedAt
      ? new Date(user.deletionRequestedAt.getTime() + DELETION_GRACE_DAYS * 86_400_000)
      : null,
    deletionGraceDays: DELETION_GRACE_DAYS,
    createdAt: user.createdAt,
  };
}

/** What anyone signed in may see of another user. */
export function publicProfile(user: typeof schema.users.$inferSelect) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    description: user.description,
    status: user.status,
    bio: user.bio,
    avatarUrl: avatarUrl(user.avatarKey),
  };
}
