import type { Principal } from "../access";

/**
 * A signed-in user as an access token would resolve them, without a session
 * row: for tests and benchmarks that call procedures in process.
 */
export function accessTokenPrincipal(
  user: { id: string; username: string },
  superAdmin = false,
): Principal {
  return {
    userId: user.id,
    username: user.username,
    superAdmin,
    locale: null,
    via: "access-token",
    sessionId: null,
    scopes: null,
    mfaEnabled: false,
    mfaVerifiedAt: null,
    expiresAt: null,
  };
}
