import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { errors, jwtVerify, SignJWT, type JWTHeaderParameters } from "jose";

/** Who issues access tokens and who they are for (checked by every verifier). */
export const ACCESS_TOKEN_ISSUER = "guildhall";
export const ACCESS_TOKEN_AUDIENCE = "guildhall-api";
/** The one signing algorithm: Ed25519. A token with any other `alg` is refused unread. */
export const ACCESS_TOKEN_ALG = "EdDSA";

export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** The session id: checked on every request, so revocation is immediate. */
  sid: string;
}

/** A public signing key as published in the JWKS. */
export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
}

/** A new Ed25519 key pair: the private key as PKCS #8 PEM, the public one as a JWK. */
export function generateSigningKey(): { privateKeyPem: string; publicJwk: PublicJwk } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicJwk: { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! },
  };
}

/** A published key as a key object, to verify with. */
export function publicKeyFromJwk(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
}

/** A short-lived access token, signed with `key` (its `kid` goes in the header). */
export function signAccessToken(
  claims: AccessClaims,
  key: { kid: string; privateKey: KeyObject },
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: "JWT", kid: key.kid })
    .setSubject(claims.sub)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key.privateKey);
}

/**
 * The claims of a valid, unexpired access token (with its expiry, seconds
 * since the epoch), or null. `publicKeyOf(kid)` finds the key that signed it
 * (null: unknown or no longer published).
 */
export async function verifyAccessToken(
  token: string,
  publicKeyOf: (kid: string) => Promise<KeyObject | null>,
): Promise<(AccessClaims & { exp: number }) | null> {
  try {
    const { payload } = await jwtVerify(
      token,
      async (header: JWTHeaderParameters) => {
        const key = header.kid ? await publicKeyOf(header.kid) : null;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key;
      },
      {
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithms: [ACCESS_TOKEN_ALG],
      },
    );
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") return null;
    if (typeof payload.exp !== "number") return null;
    return { sub: payload.sub, sid: payload.sid, exp: payload.exp };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}
