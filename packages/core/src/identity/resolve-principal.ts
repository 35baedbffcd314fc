import { hashToken, isOpaqueToken, looksLikeJwt, verifyAccessToken } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { publicSigningKey } from "./signing-keys";
import { isSuperAdmin, type Principal } from "../access";

/** last_seen / last_used are written at most this often per session or token. */
const TOUCH_EVERY_MS = 60_000;

function bearer(authorization: string | null): string | null {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  return match?.[1] ?? null;
}

/**
 * Who is calling, from `Authorization: Bearer <access token | application token>`
 * (the dashboard cookie joins in with next-auth). Every call re-checks the
 * session or token and the account, so revocation and deactivation apply at once.
 */
export async function resolvePrincipal(
  db: DbOrTx,
  authorization: string | null,
): Promise<Principal | null> {
  const token = bearer(authorization);
  if (!token) return null;
  if (isOpaqueToken(token, "application")) return fromApplicationToken(db, token);
  if (looksLikeJwt(token)) return fromAccessToken(db, token);
  return null;
}

async function fromAccessToken(db: DbOrTx, token: string): Promise<Principal | null> {
  const claims = await verifyAccessToken(token, (kid) => publicSigningKey(db, kid));
  return claims ? sessionPrincipal(db, claims) : null;
}

/**
 * The principal of a live session: the session must exist, belong to `sub`,
 * be neither revoked nor expired, and its account active. Used for access
 * tokens and for the dashboard's cookie (which carries the session id).
 */
export async function sessionPrincipal(
  db: DbOrTx,
  claims: { sid: string; sub: string; exp?: number },
): Promise<Principal | null> {
  const now = new Date();
  const [row] = await db
    .select({ session: schema.authSessions, user: schema.users })
    .from(schema.authSessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.authSessions.userId))
    .where(
      and(
        eq(schema.authSessions.id, claims.sid),
        eq(schema.authSessions.userId, claims.sub),
        isNull(schema.authSessions.revokedAt),
        gt(schema.authSessions.expiresAt, now),
        eq(schema.users.isActive, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(schema.authSessions)
      .set({ lastSeenAt: now })
      .where(eq(schema.authSessions.id, row.session.id));
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    superAdmin: isSuperAdmin(row.user),
    locale: row.user.locale,
    via: row.session.kind === "browser" ? "session" : "access-token",
    sessionId: row.session.id,
    scopes: null,
    mfaEnabled: row.user.mfaEnabledAt !== null,
    mfaVerifiedAt: row.session.mfaVerifiedAt,
    expiresAt:
      claims.exp !== undefined && claims.exp * 1000 < row.session.expiresAt.getTime()
        ? new Date(claims.exp * 1000)
        : row.session.expiresAt,
  };
}

async function fromApplicationToken(db: DbOrTx, token: string): Promise<Principal | null> {
  const now = new Date();
  const { applicationTokens: t, users } = schema;
  const [row] = await db
    .select({ token: t, user: users })
    .from(t)
    .innerJoin(users, eq(users.id, t.userId))
    .where(
      and(
        eq(t.tokenHash, hashToken(token)),
        isNull(t.revokedAt),
        or(isNull(t.expiresAt), gt(t.expiresAt, now)),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(t)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(t.id, row.token.id),
          or(isNull(t.lastUsedAt), lt(t.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS))),
        ),
      );
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    superAdmin: isSuperAdmin(row.user),
    locale: row.user.locale,
    via: "application-token",
    sessionId: null,
    scopes: row.token.scopes,
    mfaEnabled: row.user.mfaEnabledAt !== null,
    mfaVerifiedAt: null,
    expiresAt: row.token.expiresAt,
  };
}
