import { SignJWT, UnsecuredJWT } from "jose";
import { createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkPassword,
  currentTotp,
  createTotpSecret,
  generateOpaqueToken,
  generateRecoveryCodes,
  hashToken,
  normalizeRecoveryCode,
  open,
  seal,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  generateSigningKey,
  publicKeyFromJwk,
  signAccessToken,
  totpQrDataUrl,
  totpUri,
  verifyAccessToken,
  verifyTotp,
} from "../src";

const secret = "s".repeat(40);

describe("opaque tokens", () => {
  it("are prefixed, random, and hashed deterministically", () => {
    const a = generateOpaqueToken("application");
    expect(a).toMatch(/^gha_[\w-]{43}$/);
    expect(generateOpaqueToken("application")).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("access tokens", () => {
  const keyPair = () => {
    const { privateKeyPem, publicJwk } = generateSigningKey();
    return {
      privateKey: createPrivateKey(privateKeyPem),
      publicKey: publicKeyFromJwk(publicJwk),
      publicJwk,
    };
  };
  const a = keyPair();
  const b = keyPair();
  const keys = (kid: string) =>
    Promise.resolve(kid === "a" ? a.publicKey : kid === "b" ? b.publicKey : null);

  it("are signed with Ed25519 under a key id, round-trip, and refuse tampering, other keys and expiry", async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await signAccessToken({ sub: "u1", sid: "s1" }, { kid: "a", ...a }, 60);
    const after = Math.ceil(Date.now() / 1000);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as object;
    expect(header).toEqual({ alg: "EdDSA", typ: "JWT", kid: "a" });
    expect(a.publicJwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    const claims = await verifyAccessToken(token, keys);
    expect(claims).toEqual({ sub: "u1", sid: "s1", exp: expect.any(Number) as number });
    // The expiry (which ends live streams) is the lifetime after signing, however long that took.
    expect(claims!.exp).toBeGreaterThanOrEqual(before + 60);
    expect(claims!.exp).toBeLessThanOrEqual(after + 60);
    // Signed by a but naming b, or naming a key nobody knows.
    const [h, p, sig] = token.split(".");
    const asB = Buffer.from(JSON.stringify({ alg: "EdDSA", typ: "JWT", kid: "b" })).toString(
      "base64url",
    );
    expect(await verifyAccessToken(`${asB}.${p}.${sig}`, keys)).toBeNull();
    expect(await verifyAccessToken(token, () => Promise.resolve(null))).toBeNull();
    expect(await verifyAccessToken(`${h}.${p}.${sig}x`, keys)).toBeNull();
    const expired = await signAccessToken({ sub: "u1", sid: "s1" }, { kid: "a", ...a }, -10);
    expect(await verifyAccessToken(expired, keys)).toBeNull();
  });

  it("refuse a forged algorithm: HS256 keyed with the public key, and none", async () => {
    const claims = { sid: "s1", sub: "u1", iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE };
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", kid: "a" })
      .setExpirationTime("60s")
      .sign(new TextEncoder().encode(a.publicJwk.x));
    expect(await verifyAccessToken(hs, keys)).toBeNull();
    const none = new UnsecuredJWT(claims).setExpirationTime("60s").encode();
    expect(await verifyAccessToken(none, keys)).toBeNull();
  });
});

describe("secret box", () => {
  it("seals and opens; the wrong purpose or secret fails", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", secret, "totp");
    expect(sealed).not.toContain("JBSWY3DP");
    expect(open(sealed, secret, "totp")).toBe("JBSWY3DPEHPK3PXP");
    expect(() => open(sealed, secret, "other")).toThrow();
    expect(() => open(sealed, "y".repeat(40), "totp")).toThrow();
  });
});

describe("TOTP", () => {
  // RFC 6238 appendix B (SHA-1, the last 6 of its 8 digits), for its seed "12345678901234567890":
  // fixed times, codes computed independently of this package.
  const rfc = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  const at = 1_111_111_109; // step 37037036, code 081804; the next step's code is 050471

  it("makes the RFC 6238 codes for fixed times", async () => {
    expect(await currentTotp(rfc, 59)).toBe("287082");
    expect(await currentTotp(rfc, at)).toBe("081804");
    expect(await currentTotp(rfc, 1_111_111_111)).toBe("050471");
    expect(await currentTotp(rfc, 1_234_567_890)).toBe("005924");
  });

  it("accepts a code once per step, one step of drift either way, and refuses others", async () => {
    expect(await verifyTotp(rfc, "081804", null, at)).toBe(37_037_036);
    expect(await verifyTotp(rfc, "081804", 37_037_036, at)).toBeNull(); // replay
    // The next step's code: accepted at `at` (drift), and then the earlier one is spent too.
    expect(await verifyTotp(rfc, "050471", 37_037_036, at)).toBe(37_037_037);
    expect(await verifyTotp(rfc, "081804", 37_037_037, at)).toBeNull();
    // Two steps from the clock: refused either way.
    expect(await verifyTotp(rfc, "050471", null, at - 60)).toBeNull();
    expect(await verifyTotp(rfc, "081804", null, at + 60)).toBeNull();
    expect(await verifyTotp(rfc, "000000", null, at)).toBeNull();
    expect(await verifyTotp(rfc, "12ab56", null, at)).toBeNull();
    // A fresh seed works the same way at the current time.
    const totpSecret = createTotpSecret();
    const now = Math.floor(Date.now() / 1000);
    const step = await verifyTotp(totpSecret, await currentTotp(totpSecret, now), null, now);
    expect(step).toBe(Math.floor(now / 30));
  });

  it("makes an otpauth URI and a QR image", async () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "alice");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Guildhall:alice\?.*secret=JBSWY3DPEHPK3PXP/);
    expect(await totpQrDataUrl(uri)).toMatch(/^data:image\/png;base64,/);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, typed in any case or spacing", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(normalizeRecoveryCode(codes[0]!.toUpperCase().replace(/-/g, " "))).toBe(codes[0]);
  });
});

describe("password policy", () => {
  it("checks length only, refuses common passwords and the username", () => {
    expect(checkPassword("short")).toBe("tooShort");
    expect(checkPassword("a".repeat(129))).toBe("tooLong");
    expect(checkPassword("x".repeat(64) + "!")).toBeNull(); // long passphrases are fine
    expect(checkPassword("Password123")).toBe("common");
    expect(checkPassword("aliceliddell", { username: "AliceLiddell" })).toBe("containsUsername");
    expect(checkPassword("no composition rules here")).toBeNull();
  });
});
