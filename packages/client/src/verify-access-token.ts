import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";

/**
 * Offline verification of Guildhall access tokens, for other services: the
 * signature is checked against the server's published keys (JWKS at
 * `/.well-known/jwks.json`, fetched once and cached, fetched again for a key
 * id it has not seen), with the issuer, audience and expiry. No request per
 * token, so it cannot see a revocation: a token stays valid until it expires
 * (ACCESS_TOKEN_TTL_SECONDS, 15 minutes by default). Where a revoked session
 * must stop at once, ask the server (`GET /api/v1/auth/verify`).
 */

/** Why a token was refused. */
export class TokenVerificationError extends Error {
  constructor(
    readonly code: "TOKEN_EXPIRED" | "TOKEN_SIGNATURE_INVALID" | "TOKEN_MALFORMED",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
/** Signed by the server, but past its expiry: get a fresh one (refresh). */
export class TokenExpired extends TokenVerificationError {
  constructor(options?: { cause?: unknown }) {
    super("TOKEN_EXPIRED", "The access token has expired", options);
  }
}
/** Not signed by a published key of this server (forged, tampered, another issuer or algorithm, a key long rotated out). */
export class TokenSignatureInvalid extends TokenVerificationError {
  constructor(options?: { cause?: unknown }) {
    super("TOKEN_SIGNATURE_INVALID", "The access token's signature is not valid", options);
  }
}
/** Not an access token at all. */
export class TokenMalformed extends TokenVerificationError {
  constructor(options?: { cause?: unknown }) {
    super("TOKEN_MALFORMED", "This is not an access token", options);
  }
}

/** What a valid access token says. */
export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

export interface VerifyOptions {
  /** The server's JWKS, e.g. `https://guildhall.example/.well-known/jwks.json`. */
  jwksUrl: string | URL;
  /** Seconds of clock difference tolerated (default 30). */
  clockToleranceSeconds?: number;
}

const keySets = new Map<string, JWTVerifyGetKey>();

function keySetOf(url: string | URL): JWTVerifyGetKey {
  const key = String(url);
  let set = keySets.get(key);
  if (!set) {
    set = createRemoteJWKSet(new URL(key), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    keySets.set(key, set);
  }
  return set;
}

function refusal(error: unknown): TokenVerificationError | null {
  if (error instanceof errors.JWTExpired) return new TokenExpired({ cause: error });
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWTClaimValidationFailed
  )
    return new TokenSignatureInvalid({ cause: error });
  if (error instanceof errors.JOSEError) return new TokenMalformed({ cause: error });
  return null;
}

/**
 * The claims of a Guildhall access token, checked offline; throws
 * `TokenExpired`, `TokenSignatureInvalid` or `TokenMalformed` (all
 * `TokenVerificationError`). A JWKS that cannot be fetched throws as fetch does.
 */
export async function verifyAccessToken(
  token: string,
  options: VerifyOptions,
): Promise<AccessTokenClaims> {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw new TokenMalformed();
  try {
    const { payload } = await jwtVerify(token, keySetOf(options.jwksUrl), {
      issuer: "guildhall",
      audience: "guildhall-api",
      algorithms: ["EdDSA"],
      clockTolerance: options.clockToleranceSeconds ?? 30,
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || !payload.exp)
      throw new TokenMalformed();
    return { userId: payload.sub, sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    throw refusal(error) ?? error;
  }
}
