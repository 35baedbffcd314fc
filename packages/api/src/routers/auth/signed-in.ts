import { isSuperAdmin, userMemberships } from "@guildhall/core/access";
import { type TokenPair } from "@guildhall/core/identity";
import { getUserById } from "@guildhall/core/users";
import type { Database } from "@guildhall/db";
import { grantsFrom } from "@guildhall/permissions";

/**
 * The answer to a completed sign-in: the tokens, who they belong to, and the
 * user's roles and permissions in each hub (expanded the way the permission
 * middleware expands them). Two queries: the user, then their memberships.
 */
export async function signedIn(db: Database, result: TokenPair & { userId: string }) {
  const [user, memberships] = await Promise.all([
    getUserById(db, result.userId),
    userMemberships(db, result.userId),
  ]);
  if (!user) throw new Error("signed-in user vanished");
  const { accessToken, expiresIn, refreshToken, sessionId } = result;
  const superAdmin = isSuperAdmin(user);
  return {
    mfaRequired: false as const,
    accessToken,
    expiresIn,
    refreshToken,
    sessionId,
    user: {
      id: user.id,
      username: user.username,
      superAdmin,
      via: "access-token" as const,
      sessionId,
      scopes: null,
      mfaEnabled: user.mfaEnabledAt !== null,
    },
    superAdmin,
    memberships: memberships.map((membership) => ({
      hubId: membership.hubId,
      hubSlug: membership.hubSlug,
      roles: membership.roles,
      permissions: [...grantsFrom(membership.permissions).permissions].sort(),
    })),
  };
}
