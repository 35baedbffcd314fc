import { generateSigningKey, open, publicKeyFromJwk, seal, type PublicJwk } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";
import { desc, eq, gt, lt } from "drizzle-orm";
import { createPrivateKey, randomBytes, type KeyObject } from "node:crypto";
import { getEnv } from "../env";
import { getLogger } from "../logger";
import { getAuthSecret } from "./auth-secret";

const PURPOSE = "signing-key";
const DAY_MS = 86_400_000;
/** How long a process keeps using the signer it read before asking the database again. */
const SIGNER_CACHE_MS = 60_000;
/** Clock skew allowed between instances and verifiers. */
const SKEW_MS = 60_000;

/** A published key, as a JWK of the JWKS. */
export interface SigningJwk extends PublicJwk {
  kid: string;
  alg: "EdDSA";
  use: "sig";
}

/**
 * How long after it retires a key must stay published: a token it signed
 * just before retiring (or within a process's signer cache) lives the access
 * token lifetime, plus skew.
 */
function publishedFor(): number {
  return getEnv().ACCESS_TOKEN_TTL_SECONDS * 1000 + SIGNER_CACHE_MS + SKEW_MS;
}

const cache = () =>
  processWide("identity.signing-keys", () => ({
    signer: null as { kid: string; privateKey: KeyObject; until: number } | null,
    publicKeys: new Map<string, { key: KeyObject | null; until: number }>(),
  }));

/**
 * Stores a key pair as a signing key that signs until `retiresAt` (a key
 * made elsewhere, e.g. by an operator or a test). The private key is sealed
 * with `secret` (default: the instance's auth secret).
 */
export async function importSigningKey(
  db: DbOrTx,
  key: { kid: string; privateKeyPem: string; publicJwk: PublicJwk; retiresAt: Date },
  secret?: string,
): Promise<void> {
  await db.insert(schema.signingKeys).values({
    kid: key.kid,
    publicJwk: { kty: key.publicJwk.kty, crv: key.publicJwk.crv, x: key.publicJwk.x },
    privateKey: seal(key.privateKeyPem, secret ?? (await getAuthSecret(db)), PURPOSE),
    retiresAt: key.retiresAt,
  });
}

/** A new key, signing from now for SIGNING_KEY_ROTATION_DAYS. */
async function createSigningKey(db: DbOrTx, now: Date) {
  const key = {
    ...generateSigningKey(),
    kid: randomBytes(12).toString("base64url"),
    retiresAt: new Date(now.getTime() + getEnv().SIGNING_KEY_ROTATION_DAYS * DAY_MS),
  };
  await importSigningKey(db, key);
  return key;
}

/** A stored private key, or null when this instance's auth secret cannot open it. */
async function unseal(db: DbOrTx, sealed: string): Promise<string | null> {
  try {
    return open(sealed, await getAuthSecret(db), PURPOSE);
  } catch {
    return null;
  }
}

/**
 * The key that signs access tokens now: the newest that has not retired, or
 * a new one when every key has (the first start, a rotation). Instances that
 * create one at the same moment each sign with theirs; both are published.
 */
export async function currentSigningKey(
  db: DbOrTx,
  now = new Date(),
): Promise<{ kid: string; privateKey: KeyObject }> {
  const cached = cache();
  if (cached.signer && cached.signer.until > now.getTime()) return cached.signer;
  const k = schema.signingKeys;
  const [row] = await db
    .select()
    .from(k)
    .where(gt(k.retiresAt, now))
    .orderBy(desc(k.createdAt))
    .limit(1);
  const privateKeyPem = row ? await unseal(db, row.privateKey) : null;
  if (row && !privateKeyPem) {
    // Sealed under another auth secret (AUTH_SECRET changed): retire it, sign with a new one.
    getLogger().warn({ kid: row.kid }, "signing key unreadable with this auth secret; rotating");
    await db.update(k).set({ retiresAt: now }).where(eq(k.kid, row.kid));
  }
  const key =
    row && privateKeyPem
      ? { kid: row.kid, privateKeyPem, retiresAt: row.retiresAt }
      : await createSigningKey(db, now);
  const signer = {
    kid: key.kid,
    privateKey: createPrivateKey(key.privateKeyPem),
    until: Math.min(now.getTime() + SIGNER_CACHE_MS, key.retiresAt.getTime()),
  };
  // A key made just now sits in the caller's transaction, which may still roll back: it is
  // cached once it is read back committed, never before.
  if (row && privateKeyPem) cached.signer = signer;
  return signer;
}

/** The public key `kid`, while it is published (cached per process; unknown ids too, briefly). */
export async function publicSigningKey(db: DbOrTx, kid: string): Promise<KeyObject | null> {
  const { publicKeys } = cache();
  const now = Date.now();
  const hit = publicKeys.get(kid);
  if (hit && hit.until > now) return hit.key;
  const k = schema.signingKeys;
  const [row] = await db
    .select({ publicJwk: k.publicJwk, retiresAt: k.retiresAt })
    .from(k)
    .where(eq(k.kid, kid));
  const publishedUntil = row ? row.retiresAt.getTime() + publishedFor() : 0;
  const key = row && publishedUntil > now ? publicKeyFromJwk(row.publicJwk) : null;
  if (publicKeys.size > 1000) publicKeys.clear();
  publicKeys.set(kid, {
    key,
    until: key ? Math.min(publishedUntil, now + SIGNER_CACHE_MS) : now + SKEW_MS,
  });
  return key;
}

/** Every published public key (the JWKS), newest first. */
export async function publishedSigningKeys(db: DbOrTx, now = new Date()): Promise<SigningJwk[]> {
  const k = schema.signingKeys;
  const rows = await db
    .select({ kid: k.kid, publicJwk: k.publicJwk })
    .from(k)
    .where(gt(k.retiresAt, new Date(now.getTime() - publishedFor())))
    .orderBy(desc(k.createdAt));
  return rows.map((row) => ({ ...row.publicJwk, kid: row.kid, alg: "EdDSA", use: "sig" }));
}

/**
 * Retires the current key at once (the next token is signed by a new one);
 * the old public key stays published until its tokens have expired.
 */
export async function rotateSigningKey(db: DbOrTx, now = new Date()): Promise<void> {
  const k = schema.signingKeys;
  await db.update(k).set({ retiresAt: now }).where(gt(k.retiresAt, now));
  forgetSigningKeys();
}

/** Deletes keys no token can still be signed by (the scheduler's `purge-signing-keys`). */
export async function purgeSigningKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const k = schema.signingKeys;
  const gone = await db
    .delete(k)
    .where(lt(k.retiresAt, new Date(now.getTime() - publishedFor())))
    .returning({ kid: k.kid });
  return gone.length;
}

/** Tests that swap databases within one process start over. */
export function forgetSigningKeys(): void {
  const cached = cache();
  cached.signer = null;
  cached.publicKeys.clear();
}
