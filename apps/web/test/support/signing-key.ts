import { generateSigningKey } from "@guildhall/auth";
import { importSigningKey } from "@guildhall/core/identity";
import type { Database } from "@guildhall/db";
import { createPrivateKey } from "node:crypto";

/**
 * A signing key the test knows, stored in the server's database before it
 * starts (pass `prepare` to useServer), so the test can sign access tokens
 * exactly as the server does: with other lifetimes, or already expired.
 * `secret` is the server's AUTH_SECRET (the private key is sealed with it).
 */
export function knownSigningKey(
  secret: string,
  kid = "test-key",
  retiresAt = new Date(Date.now() + 30 * 86_400_000),
) {
  const pair = generateSigningKey();
  return {
    kid,
    publicJwk: pair.publicJwk,
    prepare: (db: Database) => importSigningKey(db, { kid, ...pair, retiresAt }, secret),
    signer: { kid, privateKey: createPrivateKey(pair.privateKeyPem) },
  };
}
