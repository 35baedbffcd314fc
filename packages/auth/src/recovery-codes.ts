import { randomInt } from "node:crypto";

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten single-use recovery codes like `k7dm-3q2p-xw9a`. Stored hashed (hashToken). */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(""),
    ).join("-"),
  );
}

/** Case and dashes do not matter when typing a code. */
export function normalizeRecoveryCode(code: string): string {
  const clean = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return clean.length === 12
    ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}`
    : clean;
}
