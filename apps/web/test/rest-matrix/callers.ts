import { createApplicationToken, createSession } from "@guildhall/core/identity";
import type { DatabaseHandle } from "@guildhall/db";
import { roles, type Role, type World } from "../../../../packages/api/test/support/world";

/**
 * A bearer token for every caller kind of the matrix but anonymous, minted in
 * the database the server will use: an access token of an API session for
 * users, a real application token with the principal's scopes for callers
 * that stand for one (`via: "application-token"`).
 */
export async function bearerTokens(
  handle: DatabaseHandle,
  world: World,
): Promise<Map<Role, string>> {
  const tokens = new Map<Role, string>();
  for (const role of roles) {
    if (role === "anonymous") continue;
    const principal = world.principals[role];
    if (principal.via === "application-token") {
      const created = await createApplicationToken(handle.db, {
        userId: principal.userId,
        name: `rest matrix ${role}`,
        scopes: principal.scopes ?? [],
      });
      tokens.set(role, created.token);
      continue;
    }
    const session = await handle.db.transaction((tx) =>
      createSession(tx, { userId: principal.userId, kind: "api", mfaVerified: false }),
    );
    tokens.set(role, session.accessToken);
  }
  return tokens;
}
