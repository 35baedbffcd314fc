import { getUserById, isSuperAdmin, type TokenPair } from "@guildhall/core";
import type { Database } from "@guildhall/db";

/** The answer to a completed sign-in: the tokens and who they belong to. */
export async function signedIn(db: Database, result: TokenPair & { userId: string }) {
  const user = await getUserById(db, result.userId);
  if (!user) throw new Error("signed-in user vanished");
  const { accessToken, expiresIn, refreshToken, sessionId } = result;
  return {
    mfaRequired: false as const,
    accessToken,
    expiresIn,
    refreshToken,
    sessionId,
    user: {
      userId: user.id,
      username: user.username,
      superAdmin: isSuperAdmin(user.username),
      via: "access-token" as const,
      sessionId,
      scopes: null,
      mfaEnabled: user.mfaEnabledAt !== null,
    },
  };
}
