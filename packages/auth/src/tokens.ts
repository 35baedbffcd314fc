import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Opaque token kinds; the prefix tells them apart in logs and in `Authorization`. */
export const tokenPrefixes = {
  refresh: "ghr",
  application: "gha",
  mfaTicket: "ghm",
  emailLink: "ghe",
  /** The secret a browser holds for its QR sign-in request. */
  qrSecret: "ghs",
  /** The one-time ticket a browser exchanges for a session after a QR approval. */
  qrTicket: "ghq",
} as const;
export type OpaqueTokenKind = keyof typeof tokenPrefixes;

/** A new random opaque token (256 bits), e.g. `gha_3q2…`. Only its hash is stored. */
export function generateOpaqueToken(kind: OpaqueTokenKind): string {
  return `${tokenPrefixes[kind]}_${randomBytes(32).toString("base64url")}`;
}

/** SHA-256 of a high-entropy token: enough at rest, and lets us look tokens up by hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isOpaqueToken(token: string, kind: OpaqueTokenKind): boolean {
  return token.startsWith(`${tokenPrefixes[kind]}_`);
}

/** Compares two secrets (or their hashes) in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
