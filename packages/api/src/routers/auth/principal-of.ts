import { isSuperAdmin, type Principal } from "@guildhall/core";
import type { schema } from "@guildhall/db";

/** The principal answered after a sign-in, before any request carries its token. */
export function principalAfterLogin(
  user: typeof schema.users.$inferSelect,
  sessionId: string,
): Omit<Principal, "locale" | "mfaVerifiedAt"> {
  return {
    userId: user.id,
    username: user.username,
    superAdmin: isSuperAdmin(user.username),
    via: "access-token",
    sessionId,
    scopes: null,
    mfaEnabled: user.mfaEnabledAt !== null,
  };
}
