import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";
import { availableParallelism } from "node:os";
import { processWide } from "@guildhall/process-wide";

/**
 * argon2id with OWASP's recommended parameters (m=19 MiB, t=2, p=1).
 * The PHC string stores them, so hashes made with older parameters are
 * recognised by `needsRehash` and upgraded at the next sign-in.
 */
export const passwordParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 is deliberately expensive. A storm of sign-ins must not take every
 * core, so at most (cores - 1) hashes run at once and the rest wait their turn;
 * other requests keep a core.
 */
const maxConcurrent = Math.max(1, availableParallelism() - 1);
/** Once per process (every bundle's copy of this module shares it), so the cap is per process. */
const state = processWide("auth.argon2-slots", () => ({
  running: 0,
  waiting: [] as (() => void)[],
}));

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (state.running >= maxConcurrent)
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  state.running++;
  try {
    return await work();
  } finally {
    state.running--;
    state.waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  // The library defaults to argon2id (its Algorithm enum is const and cannot be imported here).
  return limited(() => hash(password, passwordParams));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await limited(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  return (
    Number(match[1]) !== passwordParams.memoryCost ||
    Number(match[2]) !== passwordParams.timeCost ||
    Number(match[3]) !== passwordParams.parallelism
  );
}

const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A random password for generated accounts (seed admin): 20 unambiguous characters. */
export function generatePassword(length = 20): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * A hash of a random password with the current parameters. Sign-in verifies
 * against it when the account does not exist, so both answers cost the same.
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$725znekrcOOTibQ3R+Sm4w$2KF5RItkOlncKf0WKMV0oyMTQSFfoJk53zYSBHm8ckM";
