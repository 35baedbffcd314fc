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
  it("round-trip and refuse tampering, other secrets and expiry", async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await signAccessToken({ sub: "u1", sid: "s1" }, secret, 60);
    const claims = await verifyAccessToken(token, secret);
    expect(claims).toEqual({ sub: "u1", sid: "s1", exp: expect.any(Number) as number });
    // The expiry (which ends live streams) is the lifetime after signing.
    expect(claims!.exp - before).toBeGreaterThanOrEqual(60);
    expect(claims!.exp - before).toBeLessThanOrEqual(61);
    expect(await verifyAccessToken(token, "x".repeat(40))).toBeNull();
    expect(await verifyAccessToken(`${token}x`, secret)).toBeNull();
    const expired = await signAccessToken({ sub: "u1", sid: "s1" }, secret, -10);
    expect(await verifyAccessToken(expired, secret)).toBeNull();
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
  it("accepts the current code once per step and refuses others", async () => {
    const totpSecret = createTotpSecret();
    const code = await currentTotp(totpSecret);
    const step = await verifyTotp(totpSecret, code, null);
    expect(step).toBeTypeOf("number");
    expect(await verifyTotp(totpSecret, code, step)).toBeNull(); // replay
    expect(await verifyTotp(totpSecret, "000000" === code ? "111111" : "000000", null)).toBeNull();
    expect(await verifyTotp(totpSecret, "12ab56", null)).toBeNull();
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
