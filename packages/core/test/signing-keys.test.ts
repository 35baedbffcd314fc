import { generateSigningKey, signAccessToken, verifyAccessToken } from "@guildhall/auth";
import { schema } from "@guildhall/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  currentSigningKey,
  forgetSigningKeys,
  importSigningKey,
  publicSigningKey,
  publishedSigningKeys,
  purgeSigningKeys,
  rotateSigningKey,
} from "../src/identity";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  forgetSigningKeys();
});
afterAll(async () => {
  forgetSigningKeys();
  await tdb.destroy();
});

const db = () => tdb.db;
const minute = 60_000;
const day = 1440 * minute;
/** How long a retired key stays published: the token lifetime (900 s) plus cache and skew. */
const window = 900_000 + 2 * minute;

describe("signing keys", () => {
  it("makes a key on first use, signs with it until it retires, then with a new one", async () => {
    // Made inside a transaction that rolls back: gone with it, never cached.
    let lost = "";
    await tdb.db
      .transaction(async (tx) => {
        lost = (await currentSigningKey(tx)).kid;
        throw new Error("rollback");
      })
      .catch(() => undefined);
    const first = await currentSigningKey(tdb.db);
    expect(first.kid).toMatch(/^[\w-]{16}$/);
    expect(first.kid).not.toBe(lost);
    // Read back committed, then cached; the same from the database once the cache is gone.
    const again = await currentSigningKey(tdb.db);
    expect(again.kid).toBe(first.kid);
    expect(await currentSigningKey(tdb.db)).toBe(again);
    forgetSigningKeys();
    expect((await currentSigningKey(tdb.db)).kid).toBe(first.kid);
    // The private key is sealed at rest.
    const [row] = await tdb.db.select().from(schema.signingKeys);
    expect(row!.privateKey).not.toContain("PRIVATE KEY");
    // SIGNING_KEY_ROTATION_DAYS (30) later, a new key signs.
    const later = new Date(row!.retiresAt.getTime() + minute);
    forgetSigningKeys();
    const next = await currentSigningKey(tdb.db, later);
    expect(next.kid).not.toBe(first.kid);
    const lifetime = row!.retiresAt.getTime() - row!.createdAt.getTime();
    expect(Math.abs(lifetime - 30 * day)).toBeLessThan(minute);
  });

  it("keeps a rotated key published until its tokens have expired, then purges it", async () => {
    forgetSigningKeys();
    await rotateSigningKey(tdb.db);
    const signer = await currentSigningKey(tdb.db);
    const token = await signAccessToken({ sub: "u", sid: "s" }, signer, 60);
    const keyOf = (kid: string) => publicSigningKey(tdb.db, kid);
    expect(await verifyAccessToken(token, keyOf)).toMatchObject({ sub: "u", sid: "s" });

    const rotatedAt = new Date();
    await rotateSigningKey(tdb.db, rotatedAt);
    const newer = await currentSigningKey(tdb.db);
    expect(newer.kid).not.toBe(signer.kid);
    const published = (at: Date) =>
      publishedSigningKeys(tdb.db, at).then((keys) => keys.map((key) => key.kid));
    // Both are published now (newest first), and the old key still verifies its token.
    expect((await published(rotatedAt)).slice(0, 2)).toEqual([newer.kid, signer.kid]);
    expect(await verifyAccessToken(token, keyOf)).not.toBeNull();
    // Once every token it signed has expired, it is no longer published, and purged.
    const after = new Date(rotatedAt.getTime() + window + minute);
    expect(await published(after)).not.toContain(signer.kid);
    expect(await published(after)).toContain(newer.kid);
    expect(await purgeSigningKeys(tdb.db, after)).toBeGreaterThanOrEqual(1);
    forgetSigningKeys();
    expect(await publicSigningKey(tdb.db, signer.kid)).toBeNull();
    expect(await verifyAccessToken(token, keyOf)).toBeNull();
    expect(await publicSigningKey(tdb.db, newer.kid)).not.toBeNull();
  });

  it("retires a key the auth secret cannot open (AUTH_SECRET changed) and signs with a new one", async () => {
    const pair = generateSigningKey();
    const retiresAt = new Date(Date.now() + day);
    await importSigningKey(db(), { kid: "other-secret", ...pair, retiresAt }, "o".repeat(40));
    forgetSigningKeys();
    const signer = await currentSigningKey(db());
    expect(signer.kid).not.toBe("other-secret");
    const published = await publishedSigningKeys(db());
    expect(published.map((key) => key.kid)).toContain(signer.kid);
  });

  it("answers an unknown key id with null (and does not ask again at once)", async () => {
    expect(await publicSigningKey(tdb.db, "nobody")).toBeNull();
    expect(await publicSigningKey(tdb.db, "nobody")).toBeNull();
  });
});
