import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * Keys that sign access tokens (Ed25519, `EdDSA`). The newest key that has
 * not retired signs; every key is published (JWKS) until the last token it
 * can have signed has expired, so other services verify tokens offline.
 */
export const signingKeys = pgTable("signing_keys", {
  /** The JWT header's `kid`. */
  kid: text().primaryKey(),
  /** The public key as a JWK (`kty`, `crv`, `x`). */
  publicJwk: jsonb().$type<{ kty: string; crv: string; x: string }>().notNull(),
  /** The private key (PKCS #8 PEM), sealed with the instance's auth secret. */
  privateKey: text().notNull(),
  createdAt: createdAt(),
  /** When it stops signing: a newer key takes over (SIGNING_KEY_ROTATION_DAYS). */
  retiresAt: timestamp({ withTimezone: true }).notNull(),
});
