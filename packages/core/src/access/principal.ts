import { getEnv } from "../env";

/** Who is calling: one type whether they came with a cookie, an access token or an application token. */
export interface Principal {
  userId: string;
  username: string;
  /** Instance administrator (stored on the account, or named in SUPER_ADMINS): acts across hubs with every permission. */
  superAdmin: boolean;
  locale: string | null;
  via: "session" | "access-token" | "application-token";
  /** The session behind a cookie or access token (null for application tokens). */
  sessionId: string | null;
  /** Application tokens only: what the token may do. */
  scopes: string[] | null;
  /** Whether the account has MFA on, and when this session last passed it. */
  mfaEnabled: boolean;
  mfaVerifiedAt: Date | null;
  /**
   * When the credential stops being valid: the access token's expiry (or its
   * session's, if sooner), the cookie's session, the application token's
   * expiry; null when it never expires. Streams end then (TOKEN_EXPIRED).
   */
  expiresAt: Date | null;
}

/** Whether SUPER_ADMINS names this username (such an admin cannot be demoted in the admin pages). */
export function namedInSettings(username: string): boolean {
  const name = username.toLowerCase();
  return getEnv().SUPER_ADMINS.some((admin) => admin.toLowerCase() === name);
}

/**
 * An instance administrator (super admin): the account says so (the first
 * start's admin, or promoted in the admin pages), or SUPER_ADMINS names it.
 */
export function isSuperAdmin(user: { username: string; instanceAdmin: boolean }): boolean {
  return user.instanceAdmin || namedInSettings(user.username);
}
