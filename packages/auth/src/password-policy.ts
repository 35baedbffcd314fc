import { commonPasswords } from "./common-passwords";

/** OWASP ASVS 2.1: length only (8-128), no composition rules, no truncation, no common passwords. */
export const passwordLimits = { min: 8, max: 128 } as const;

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsUsername";

export function checkPassword(
  password: string,
  context: { username?: string; email?: string | null } = {},
): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordLimits.min) return "tooShort";
  if (length > passwordLimits.max) return "tooLong";
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "common";
  const name = context.username?.toLowerCase();
  if (name && name.length >= 4 && lower === name) return "containsUsername";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower === local) return "containsUsername";
  return null;
}
