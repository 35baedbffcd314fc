import { generateOpaqueToken, hashToken, signAccessToken } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";
import { getEnv } from "../env";
import { currentSigningKey } from "./signing-keys";

export interface ClientInfo {
  userAgent?: string | null;
  ip?: string | null;
}

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
}

const day = 86_400_000;

/** Issues an access token for a session and a new refresh token of its family. */
export async function issueTokens(
  tx: DbOrTx,
  session: { id: string; userId: string },
): Promise<TokenPair> {
  const env = getEnv();
  const refreshToken = generateOpaqueToken("refresh");
  await tx.insert(schema.refreshTokens).values({
    sessionId: session.id,
    tokenHash: hashToken(refreshToken),
    expiresAt: new Date(Date.now() + env.REFRESH_TOKEN_TTL_DAYS * day),
  });
  const accessToken = await signAccessToken(
    { sub: session.userId, sid: session.id },
    await currentSigningKey(tx),
    env.ACCESS_TOKEN_TTL_SECONDS,
  );
  return {
    accessToken,
    expiresIn: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshToken,
    sessionId: session.id,
  };
}

/** Starts a session (one device's sign-in) and issues its first tokens. */
export async function createSession(
  tx: DbOrTx,
  input: { userId: string; kind: "api" | "browser"; mfaVerified: boolean } & ClientInfo,
): Promise<TokenPair> {
  const [session] = await tx
    .insert(schema.authSessions)
    .values({
      userId: input.userId,
      kind: input.kind,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
      expiresAt: new Date(Date.now() + getEnv().REFRESH_TOKEN_TTL_DAYS * day),
      mfaVerifiedAt: input.mfaVerified ? new Date() : null,
    })
    .returning();
  if (!session) throw new Error("session insert returned nothing");
  return issueTokens(tx, session);
}
