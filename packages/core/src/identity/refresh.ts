import { hashToken } from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { and, eq, isNull } from "drizzle-orm";
import { AppError } from "../errors";
import { revokeSessions } from "./revoke";
import { issueTokens, type TokenPair } from "./sessions";

/**
 * Exchanges a refresh token for a new pair (rotation). Presenting a token that
 * was already exchanged means it leaked: the whole session (its family) ends.
 */
export async function refreshTokens(db: Database, refreshToken: string): Promise<TokenPair> {
  const tokenHash = hashToken(refreshToken);
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: schema.refreshTokens, session: schema.authSessions, user: schema.users })
      .from(schema.refreshTokens)
      .innerJoin(schema.authSessions, eq(schema.authSessions.id, schema.refreshTokens.sessionId))
      .innerJoin(schema.users, eq(schema.users.id, schema.authSessions.userId))
      .where(eq(schema.refreshTokens.tokenHash, tokenHash))
      .limit(1);
    if (!row) throw new AppError("INVALID_TOKEN");
    const now = new Date();
    if (
      row.session.revokedAt ||
      row.session.expiresAt < now ||
      row.token.expiresAt < now ||
      !row.user.isActive
    ) {
      throw new AppError("INVALID_TOKEN");
    }
    const claimed = await tx
      .update(schema.refreshTokens)
      .set({ usedAt: now })
      .where(and(eq(schema.refreshTokens.id, row.token.id), isNull(schema.refreshTokens.usedAt)))
      .returning({ id: schema.refreshTokens.id });
    if (claimed.length !== 1) return { kind: "reused", sessionId: row.session.id } as const;
    await tx
      .update(schema.authSessions)
      .set({ lastSeenAt: now })
      .where(eq(schema.authSessions.id, row.session.id));
    return { kind: "rotated", tokens: await issueTokens(tx, row.session) } as const;
  });
  if (outcome.kind === "reused") {
    // Outside the transaction above, so the revocation stays when we throw.
    await revokeSessions(db, { sessionId: outcome.sessionId }, "refresh-token-reuse");
    throw new AppError("TOKEN_REUSED");
  }
  return outcome.tokens;
}
