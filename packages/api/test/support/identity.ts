import { currentTotp, open } from "@guildhall/auth";
import { getAuthSecret } from "@guildhall/core/identity";
import { getUserByUsername } from "@guildhall/core/users";
import { createTestDatabase, type TestDatabase } from "@guildhall/core/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { describeError } from "../../src";
import { resetRateLimiters } from "../../src/middleware/rate-limit";
import { callerWithAuthorization } from "./world";

/** The clock's time in whole seconds, to derive explicit TOTP time steps from. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The outcome of a call: "ok" or the error code it answered. */
export async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null).code;
  }
}

/**
 * For an identity test file: its own database, fresh rate limits per test,
 * and callers that authenticate the way HTTP requests do.
 */
export function useIdentity() {
  let tdb: TestDatabase | undefined;
  let counter = 0;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.destroy());
  beforeEach(() => resetRateLimiters());
  const db = () => {
    if (!tdb) throw new Error("database not created");
    return tdb;
  };
  const anon = (ip?: string) => callerWithAuthorization(db(), null, ip);
  const as = (token: string) => callerWithAuthorization(db(), `Bearer ${token}`);

  /** Registers a fresh account and signs it in; returns its tokens. */
  async function account(prefix = "user") {
    const username = `${prefix}${++counter}`;
    const password = "correct horse battery staple";
    await (await anon()).auth.register({ username, email: `${username}@example.test`, password });
    const login = await (await anon(`10.1.0.${counter}`)).auth.login({ login: username, password });
    if (login.mfaRequired) throw new Error("unexpected MFA");
    return { username, password, ...login };
  }

  /**
   * The TOTP code of a user's (pending or active) MFA seed for the time step of
   * `epochSeconds` (explicit: two codes of one test are of the same step, or
   * not, by choice rather than by when the clock ticks). The server checks
   * against its clock with one step of drift, so pass `nowSeconds()` or a step on.
   */
  async function totpFor(username: string, epochSeconds: number) {
    const user = await getUserByUsername(db().db, username);
    return currentTotp(
      open(user!.mfaSecret ?? user!.mfaPendingSecret!, await getAuthSecret(db().db), "totp"),
      epochSeconds,
    );
  }

  return { db, anon, as, account, totpFor, nowSeconds };
}
