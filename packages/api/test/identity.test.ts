import { currentTotp, open } from "@guildhall/auth";
import { getAuthSecret, getUserByUsername, listDevMailbox, setUserActive } from "@guildhall/core";
import { createTestDatabase, type TestDatabase } from "@guildhall/core/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeError } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { callerWithAuthorization } from "./support/world";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.destroy());
beforeEach(() => resetRateLimiters());

const anon = (ip?: string) => callerWithAuthorization(tdb, null, ip);
const as = (token: string) => callerWithAuthorization(tdb, `Bearer ${token}`);

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null).code;
  }
}

let counter = 0;
/** Registers a fresh account and signs it in; returns its tokens. */
async function account(prefix = "user") {
  const username = `${prefix}${++counter}`;
  const password = "correct horse battery staple";
  await (await anon()).auth.register({ username, email: `${username}@example.test`, password });
  const login = await (await anon(`10.1.0.${counter}`)).auth.login({ login: username, password });
  if (login.mfaRequired) throw new Error("unexpected MFA");
  return { username, password, ...login };
}

async function totpFor(username: string) {
  const user = await getUserByUsername(tdb.db, username);
  return currentTotp(
    open(user!.mfaSecret ?? user!.mfaPendingSecret!, await getAuthSecret(tdb.db), "totp"),
  );
}

describe("registration", () => {
  it("enforces unique usernames and e-mails case-insensitively, and the password policy", async () => {
    const { username } = await account();
    const caller = await anon();
    expect(
      await code(
        caller.auth.register({
          username: username.toUpperCase(),
          email: "other@example.test",
          password: "a fine passphrase",
        }),
      ),
    ).toBe("USERNAME_TAKEN");
    expect(
      await code(
        caller.auth.register({
          username: "another1",
          email: `${username.toUpperCase()}@EXAMPLE.TEST`,
          password: "a fine passphrase",
        }),
      ),
    ).toBe("EMAIL_TAKEN");
    expect(
      await code(
        caller.auth.register({
          username: "another2",
          email: "a2@example.test",
          password: "password1",
        }),
      ),
    ).toBe("WEAK_PASSWORD");
    expect(
      await code(
        caller.auth.register({
          username: "bad name!",
          email: "a3@example.test",
          password: "a fine passphrase",
        }),
      ),
    ).toBe("VALIDATION_FAILED");
    // 64+ characters, spaces, no composition rules: accepted as typed.
    expect(
      await code(
        caller.auth.register({
          username: "longpass",
          email: "lp@example.test",
          password: "x ".repeat(40),
        }),
      ),
    ).toBe("ok");
  });
});

describe("sign-in", () => {
  it("answers unknown user and wrong password the same way, after the same work", async () => {
    const { username } = await account();
    const timed = async (login: string, ip: string) => {
      const start = performance.now();
      const result = await code(
        (await anon(ip)).auth.login({ login, password: "not the password" }),
      );
      return { result, ms: performance.now() - start };
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await timed(`no-such-user-${i}`, `10.2.1.${i}`);
      const b = await timed(username, `10.2.2.${i}`);
      expect([a.result, b.result]).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS"]);
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    // Both paths run one argon2id verification (tens of ms); neither returns early.
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[2]!;
    const [a, b] = [median(unknown), median(wrong)];
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.5);
  });

  it("issues tokens that identify the caller, and verify answers 401 without them", async () => {
    const session = await account();
    const me = await (await as(session.accessToken)).auth.verify();
    expect(me).toMatchObject({
      username: session.username,
      via: "access-token",
      sessionId: session.sessionId,
    });
    expect(await code((await anon()).auth.verify())).toBe("UNAUTHENTICATED");
    expect(await code((await as("not.a.jwt")).auth.verify())).toBe("UNAUTHENTICATED");
  });

  it("refuses deactivated users at login, and their tokens on the next call", async () => {
    const session = await account();
    const user = await getUserByUsername(tdb.db, session.username);
    const actor = {
      userId: user!.id,
      username: user!.username,
      superAdmin: true,
      locale: null,
      via: "access-token" as const,
      sessionId: null,
      scopes: null,
      mfaEnabled: false,
      mfaVerifiedAt: null,
    };
    await setUserActive(tdb.db, actor, user!.id, false);
    expect(await code((await as(session.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
    expect(
      await code(
        (await anon("10.3.0.1")).auth.login({
          login: session.username,
          password: session.password,
        }),
      ),
    ).toBe("ACCOUNT_INACTIVE");
    expect(await code((await anon()).auth.refresh({ refreshToken: session.refreshToken }))).toBe(
      "INVALID_TOKEN",
    );
  });
});

describe("refresh tokens", () => {
  it("rotate, and reusing an old one ends the whole family", async () => {
    const session = await account();
    const caller = await anon();
    const second = await caller.auth.refresh({ refreshToken: session.refreshToken });
    expect(second.refreshToken).not.toBe(session.refreshToken);
    expect(second.sessionId).toBe(session.sessionId);
    const third = await caller.auth.refresh({ refreshToken: second.refreshToken });
    expect(await code((await as(third.accessToken)).auth.verify())).toBe("ok");
    // The first token again: reuse. Everything of this session stops working.
    expect(await code(caller.auth.refresh({ refreshToken: session.refreshToken }))).toBe(
      "TOKEN_REUSED",
    );
    expect(await code(caller.auth.refresh({ refreshToken: third.refreshToken }))).toBe(
      "INVALID_TOKEN",
    );
    expect(await code((await as(third.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
  });
});

describe("sessions", () => {
  it("logout ends the session at once; logoutAll ends the others; sessions can be listed and revoked", async () => {
    const first = await account();
    const second = await (
      await anon("10.4.0.1")
    ).auth.login({ login: first.username, password: first.password });
    if (second.mfaRequired) throw new Error("unexpected");
    const sessions = await (await as(first.accessToken)).auth.sessions.list();
    expect(sessions.items.map((s) => s.id).sort()).toEqual(
      [first.sessionId, second.sessionId].sort(),
    );
    expect(sessions.items.find((s) => s.current)?.id).toBe(first.sessionId);

    await (await as(second.accessToken)).auth.logout();
    expect(await code((await as(second.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
    expect(await code((await as(first.accessToken)).auth.verify())).toBe("ok");

    const third = await (
      await anon("10.4.0.2")
    ).auth.login({ login: first.username, password: first.password });
    if (third.mfaRequired) throw new Error("unexpected");
    expect(await (await as(first.accessToken)).auth.logoutAll({ keepCurrent: true })).toEqual({
      endedSessions: 1,
    });
    expect(await code((await as(third.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
    await (await as(first.accessToken)).auth.sessions.revoke({ sessionId: first.sessionId });
    expect(await code((await as(first.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
  });

  it("password change needs the old password and can end other sessions", async () => {
    const first = await account();
    const other = await (
      await anon("10.5.0.1")
    ).auth.login({ login: first.username, password: first.password });
    if (other.mfaRequired) throw new Error("unexpected");
    const me = await as(first.accessToken);
    expect(
      await code(
        me.auth.changePassword({
          currentPassword: "wrong one",
          newPassword: "brand new passphrase",
        }),
      ),
    ).toBe("WRONG_PASSWORD");
    expect(
      await me.auth.changePassword({
        currentPassword: first.password,
        newPassword: "brand new passphrase",
        endOtherSessions: true,
      }),
    ).toEqual({ endedSessions: 1 });
    expect(await code((await as(other.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
    expect(await code((await as(first.accessToken)).auth.verify())).toBe("ok");
    expect(
      await code(
        (await anon("10.5.0.2")).auth.login({
          login: first.username,
          password: "brand new passphrase",
        }),
      ),
    ).toBe("ok");
  });
});

describe("application tokens", () => {
  it("are shown once, scoped, listed without the secret, and revoked at once", async () => {
    const session = await account();
    const me = await as(session.accessToken);
    const created = await me.tokens.create({ name: "ci bot", scopes: ["read"] });
    expect(created.token).toMatch(/^gha_/);
    const list = await me.tokens.list();
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const bot = await as(created.token);
    expect(await bot.auth.verify()).toMatchObject({ via: "application-token", scopes: ["read"] });
    // read scope: queries only
    expect(await code(bot.users.updateMe({ status: "bot" }))).toBe("SCOPE_MISSING");
    expect(await code(bot.tokens.create({ name: "child", scopes: ["*"] }))).toBe("SCOPE_MISSING");
    await me.tokens.revoke({ tokenId: created.id });
    expect(await code((await as(created.token)).auth.verify())).toBe("UNAUTHENTICATED");
  });

  it("expire", async () => {
    const session = await account();
    const me = await as(session.accessToken);
    expect(
      await code(
        me.tokens.create({ name: "past", scopes: ["*"], expiresAt: new Date(Date.now() - 1000) }),
      ),
    ).toBe("VALIDATION_FAILED");
  });
});

describe("MFA", () => {
  it("enables with a code, then login needs a ticket and a code; each code works once", async () => {
    const session = await account("mfa");
    const me = await as(session.accessToken);
    const setup = await me.mfa.setup();
    expect(setup.otpauthUri).toContain("otpauth://totp/");
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    const { recoveryCodes } = await me.mfa.enable({ code: await totpFor(session.username) });
    expect(recoveryCodes).toHaveLength(10);

    const step1 = await (
      await anon("10.6.0.1")
    ).auth.login({ login: session.username, password: session.password });
    expect(step1.mfaRequired).toBe(true);
    if (!step1.mfaRequired) return;
    expect(step1.expiresIn).toBe(600);
    // The code that enabled MFA was used: the same step is refused until the next one.
    const used = await totpFor(session.username);
    expect(
      await code((await anon()).auth.completeMfa({ ticket: step1.mfaTicket, code: used })),
    ).toBe("INVALID_MFA_CODE");
    // A recovery code works once.
    const done = await (
      await anon()
    ).auth.completeMfa({ ticket: step1.mfaTicket, code: recoveryCodes[0]!.toUpperCase() });
    expect(done.mfaRequired).toBe(false);
    expect(
      await code(
        (await anon()).auth.completeMfa({ ticket: step1.mfaTicket, code: recoveryCodes[1]! }),
      ),
    ).toBe("INVALID_TOKEN");
    const step2 = await (
      await anon("10.6.0.2")
    ).auth.login({ login: session.username, password: session.password });
    if (!step2.mfaRequired) throw new Error("expected MFA");
    expect(
      await code(
        (await anon()).auth.completeMfa({ ticket: step2.mfaTicket, code: recoveryCodes[0]! }),
      ),
    ).toBe("INVALID_MFA_CODE");
  });

  it("makes sensitive actions ask for a recent check, and disabling needs a code", async () => {
    const session = await account("mfa");
    const me = await as(session.accessToken);
    await me.mfa.setup();
    const { recoveryCodes } = await me.mfa.enable({ code: await totpFor(session.username) });
    // This session just passed MFA (enable), so creating a token is allowed.
    expect(
      await code((await as(session.accessToken)).tokens.create({ name: "ok", scopes: ["read"] })),
    ).toBe("ok");
    // A session without a recent check is asked for one.
    const step = await (
      await anon("10.7.0.1")
    ).auth.login({ login: session.username, password: session.password });
    if (!step.mfaRequired) throw new Error("expected MFA");
    const fresh = await (
      await anon()
    ).auth.completeMfa({ ticket: step.mfaTicket, code: recoveryCodes[2]! });
    if (fresh.mfaRequired) throw new Error("unexpected");
    await tdb.db.execute(
      `update auth_sessions set mfa_verified_at = now() - interval '1 hour' where id = '${fresh.sessionId}'`,
    );
    const stale = await as(fresh.accessToken);
    expect(await code(stale.tokens.create({ name: "no", scopes: ["read"] }))).toBe("MFA_REQUIRED");
    await stale.mfa.verify({ code: recoveryCodes[3]! });
    // Each request resolves its principal afresh, as over HTTP.
    expect(
      await code((await as(fresh.accessToken)).tokens.create({ name: "yes", scopes: ["read"] })),
    ).toBe("ok");
    const now = await as(session.accessToken);
    expect(await code(now.mfa.disable({ code: "000000" }))).toBe("INVALID_MFA_CODE");
    await now.mfa.disable({ code: recoveryCodes[4]! });
    expect((await now.users.me()).mfaEnabled).toBe(false);
  });
});

describe("profiles and search", () => {
  it("updates the profile, finds users by exact name and prefix, and deletes with a grace period", async () => {
    const a = await account("finder");
    await account("finder");
    const me = await as(a.accessToken);
    const updated = await me.users.updateMe({
      displayName: "Finder One",
      bio: "hi",
      locale: "de",
      timezone: "Europe/Berlin",
      privacy: { email: "nobody" },
    });
    expect(updated).toMatchObject({
      displayName: "Finder One",
      locale: "de",
      timezone: "Europe/Berlin",
      privacy: { email: "nobody" },
    });
    expect(await code(me.users.updateMe({ timezone: "Mars/Olympus" }))).toBe("VALIDATION_FAILED");
    const prefix = await me.users.search({ query: "FINDER", mode: "prefix", limit: 1 });
    expect(prefix.items).toHaveLength(1);
    expect(prefix.nextCursor).not.toBeNull();
    const page2 = await me.users.search({
      query: "finder",
      mode: "prefix",
      limit: 1,
      after: prefix.nextCursor!,
    });
    expect(page2.items[0]?.username).not.toBe(prefix.items[0]?.username);
    expect(
      (await me.users.search({ query: a.username, mode: "exact" })).items.map((u) => u.username),
    ).toEqual([a.username]);
    expect((await me.users.search({ query: "finder%", mode: "prefix" })).items).toEqual([]);
    const deletion = await me.users.requestDeletion();
    expect(deletion.deleteAfter.getTime() - deletion.deletionRequestedAt.getTime()).toBe(
      14 * 86_400_000,
    );
    await me.users.cancelDeletion();
    expect((await me.users.me()).deletionRequestedAt).toBeNull();
  });
});

describe("e-mail links (dev mailbox, no SMTP configured)", () => {
  const tokenIn = async (to: string, kind: "confirm-email" | "reset-password") => {
    const mail = (await listDevMailbox(tdb.db, 100)).find(
      (m) => m.to === to && m.text.includes(kind),
    );
    return decodeURIComponent(/token=([^\s]+)/.exec(mail?.text ?? "")?.[1] ?? "");
  };

  it("confirms the address once with the mailed link", async () => {
    const session = await account("mail");
    const email = `${session.username}@example.test`;
    const token = await tokenIn(email, "confirm-email");
    expect(token).toMatch(/^ghe_/);
    expect(await (await anon()).auth.confirmEmail({ token })).toEqual({
      username: session.username,
    });
    expect((await (await as(session.accessToken)).users.me()).emailVerified).toBe(true);
    expect(await code((await anon()).auth.confirmEmail({ token }))).toBe("INVALID_TOKEN");
  });

  it("resets a password once with the mailed link, ending every session", async () => {
    const session = await account("reset");
    const email = `${session.username}@example.test`;
    await (await anon("10.8.0.1")).auth.requestPasswordReset({ email: email.toUpperCase() });
    const token = await tokenIn(email, "reset-password");
    expect(await code((await anon()).auth.resetPassword({ token, password: "password1" }))).toBe(
      "WEAK_PASSWORD",
    );
    await (await anon()).auth.resetPassword({ token, password: "a brand new passphrase" });
    expect(await code((await as(session.accessToken)).auth.verify())).toBe("UNAUTHENTICATED");
    expect(
      await code((await anon()).auth.resetPassword({ token, password: "yet another passphrase" })),
    ).toBe("INVALID_TOKEN");
    expect(
      await code(
        (await anon("10.8.0.2")).auth.login({
          login: session.username,
          password: "a brand new passphrase",
        }),
      ),
    ).toBe("ok");
    // Unknown addresses get the same answer and no mail.
    const before = (await listDevMailbox(tdb.db, 100)).length;
    expect(
      await (
        await anon("10.8.0.3")
      ).auth.requestPasswordReset({ email: "nobody-here@example.test" }),
    ).toEqual({ ok: true });
    expect((await listDevMailbox(tdb.db, 100)).length).toBe(before);
  });
});
