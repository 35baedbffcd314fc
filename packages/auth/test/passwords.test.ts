import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, needsRehash, verifyPassword } from "../src";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse battery stapl")).toBe(false);
    expect(needsRehash(hashed)).toBe(false);
  });

  it("flags hashes made with other parameters and rejects garbage", async () => {
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$abc$def")).toBe(true);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("generates random passwords from an unambiguous alphabet", () => {
    const a = generatePassword();
    expect(a).toHaveLength(20);
    expect(a).not.toMatch(/[0O1lI]/);
    expect(generatePassword()).not.toBe(a);
  });
});
