import { describe, expect, it } from "vitest";
import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { code, useIdentity } from "./support/identity";

const { db, anon, as, account, totpFor, nowSeconds } = useIdentity();

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
    expect(await code((await as(created.token)).auth.verify())).toBe("INVALID_TOKEN");
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
    // Codes of explicit steps: `at`'s, then the next one's (the server allows one step of drift).
    const at = nowSeconds();
    const enabledWith = await totpFor(session.username, at);
    const { recoveryCodes } = await me.mfa.enable({ code: enabledWith });
    expect(recoveryCodes).toHaveLength(10);

    const step1 = await (
      await anon("10.6.0.1")
    ).auth.login({ login: session.username, password: session.password });
    expect(step1.mfaRequired).toBe(true);
    if (!step1.mfaRequired) return;
    expect(step1.expiresIn).toBe(600);
    // The code that enabled MFA was used: the same step is refused...
    expect(
      await code((await anon()).auth.completeMfa({ ticket: step1.mfaTicket, code: enabledWith })),
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
    // ...and the next step's code works, once.
    const next = await totpFor(session.username, at + 30);
    const withNext = await (await anon()).auth.completeMfa({ ticket: step2.mfaTicket, code: next });
    expect(withNext.mfaRequired).toBe(false);
    const step3 = await (
      await anon("10.6.0.3")
    ).auth.login({ login: session.username, password: session.password });
    if (!step3.mfaRequired) throw new Error("expected MFA");
    expect(
      await code(
        (await anon("10.6.0.5")).auth.completeMfa({ ticket: step3.mfaTicket, code: next }),
      ),
    ).toBe("INVALID_MFA_CODE");
  });

  it("makes sensitive actions ask for a recent check, and disabling needs a code", async () => {
    const session = await account("mfa");
    const me = await as(session.accessToken);
    await me.mfa.setup();
    const { recoveryCodes } = await me.mfa.enable({
      code: await totpFor(session.username, nowSeconds()),
    });
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
    await db().db.execute(
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

describe("MFA recovery codes", () => {
  it("renew with a TOTP code or a recent check; a stale session without a code is asked for one", async () => {
    const session = await account("recovery");
    const me = await as(session.accessToken);
    await me.mfa.setup();
    const at = nowSeconds();
    const { recoveryCodes: old } = await me.mfa.enable({
      code: await totpFor(session.username, at),
    });
    expect((await me.users.me()).recoveryCodesRemaining).toBe(10);

    await db().db.execute(
      `update auth_sessions set mfa_verified_at = now() - interval '1 hour' where id = '${session.sessionId}'`,
    );
    const stale = await as(session.accessToken);
    expect(await code(stale.mfa.regenerateRecoveryCodes({}))).toBe("MFA_REQUIRED");
    expect(await code(stale.mfa.regenerateRecoveryCodes({ code: old[0]! }))).toBe(
      "INVALID_MFA_CODE",
    );
    // A TOTP code renews, and counts as this session's check: the next call needs none.
    const { recoveryCodes } = await stale.mfa.regenerateRecoveryCodes({
      code: await totpFor(session.username, at + 30),
    });
    expect(recoveryCodes).toHaveLength(10);
    const recent = await as(session.accessToken);
    const again = await recent.mfa.regenerateRecoveryCodes({});
    expect(again.recoveryCodes.filter((c) => recoveryCodes.includes(c))).toEqual([]);

    const userId = (await recent.users.me()).id;
    const audit = await db()
      .db.select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "mfa.regenerateRecoveryCodes"));
    expect(audit.map((row) => [row.actorId, row.targetId])).toEqual([
      [userId, userId],
      [userId, userId],
    ]);
    // Only the last set is live (checked with a fresh budget: the five calls above spent it).
    await resetRateLimiters();
    const step = await (
      await anon("10.8.0.1")
    ).auth.login({ login: session.username, password: session.password });
    if (!step.mfaRequired) throw new Error("expected MFA");
    expect(
      await code(
        (await anon()).auth.completeMfa({ ticket: step.mfaTicket, code: recoveryCodes[0]! }),
      ),
    ).toBe("INVALID_MFA_CODE");
    const done = await (
      await anon()
    ).auth.completeMfa({ ticket: step.mfaTicket, code: again.recoveryCodes[0]! });
    expect(done.mfaRequired).toBe(false);
    expect((await recent.users.me()).recoveryCodesRemaining).toBe(9);
  });
});
