import { currentTotp } from "@guildhall/auth";
import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, useServer } from "./support/server";

/** Requests from this address skip every rate limit; the others are counted (as a proxy names them). */
const UNLIMITED = "10.9.9.9";
const server = useServer({
  SUPER_ADMINS: "admin",
  TRUSTED_PROXIES: "127.0.0.1/32",
  RATE_LIMIT_WHITELIST: UNLIMITED,
});

let counter = 0;
/** A counted address of its own for one caller. */
const freshIp = () => `10.9.1.${++counter}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function rest(
  method: "GET" | "POST",
  path: string,
  { token, ip = UNLIMITED, body }: { token?: string; ip?: string; body?: unknown } = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      "x-forwarded-for": ip,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const password = "a long recovery passphrase";

/** A fresh account with MFA on (from the unlimited address): its token, seed and recovery codes. */
async function mfaAccount() {
  const username = `recov${++counter}`;
  await rest("POST", "/auth/register", {
    body: { username, email: `${username}@example.test`, password },
  });
  const login = await rest("POST", "/auth/login", { body: { login: username, password } });
  const token = login.body.accessToken as string;
  const setup = await rest("POST", "/me/mfa/setup", { token });
  const secret = setup.body.secret as string;
  const at = nowSeconds();
  const enabled = await rest("POST", "/me/mfa/enable", {
    token,
    body: { code: await currentTotp(secret, at) },
  });
  expect(enabled.status).toBe(200);
  return { username, token, secret, at, codes: enabled.body.recoveryCodes as string[] };
}

/** The password step of a sign-in: its MFA ticket. */
async function ticketFor(username: string, ip = UNLIMITED): Promise<string> {
  const login = await rest("POST", "/auth/login", { ip, body: { login: username, password } });
  expect(login.body.mfaRequired).toBe(true);
  return login.body.mfaTicket as string;
}

const remaining = async (token: string) =>
  (await rest("GET", "/me", { token })).body.recoveryCodesRemaining;

describe("MFA recovery codes over REST", () => {
  it("renews with a TOTP code: new codes sign in, every old one is refused, the count follows", async () => {
    const account = await mfaAccount();
    expect(account.codes).toHaveLength(10);
    expect(await remaining(account.token)).toBe(10);

    // Using one old code at sign-in leaves 9.
    const first = await rest("POST", "/auth/mfa", {
      body: { ticket: await ticketFor(account.username), code: account.codes[0] },
    });
    expect(first.status).toBe(200);
    expect(await remaining(account.token)).toBe(9);

    // The next step's code (enable used this step's).
    const code = await currentTotp(account.secret, account.at + 30);
    const renewed = await rest("POST", "/me/mfa/recovery-codes", {
      token: account.token,
      body: { code },
    });
    expect(renewed.status).toBe(200);
    const fresh = renewed.body.recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(new Set(fresh).size).toBe(10);
    expect(fresh.filter((c) => account.codes.includes(c))).toEqual([]);
    expect(await remaining(account.token)).toBe(10);

    // The same TOTP code does not renew twice.
    const replay = await rest("POST", "/me/mfa/recovery-codes", {
      token: account.token,
      body: { code },
    });
    expect(replay).toMatchObject({ status: 400, body: { code: "INVALID_MFA_CODE" } });

    // Every old code is refused at sign-in (a ticket takes five attempts).
    const refusals: Answer[] = [];
    let ticket = "";
    for (const [i, old] of account.codes.entries()) {
      if (i % 5 === 0) ticket = await ticketFor(account.username);
      refusals.push(await rest("POST", "/auth/mfa", { body: { ticket, code: old } }));
    }
    expect(refusals).toHaveLength(10);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ status: 400, body: { code: "INVALID_MFA_CODE" } });
    }
    const withNew = await rest("POST", "/auth/mfa", {
      body: { ticket: await ticketFor(account.username), code: fresh[3] },
    });
    expect(withNew.status).toBe(200);
    expect(await remaining(account.token)).toBe(9);

    // The audit row, written with the codes (the instance log of no hub).
    const admin = await rest("POST", "/auth/login", {
      body: { login: "admin", password: ADMIN_PASSWORD },
    });
    const me = await rest("GET", "/me", { token: account.token });
    const audit = await rest(
      "GET",
      `/admin/audit?action=mfa.regenerateRecoveryCodes&actorId=${String(me.body.id)}`,
      { token: admin.body.accessToken as string },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toMatchObject([
      {
        action: "mfa.regenerateRecoveryCodes",
        actorId: me.body.id,
        targetType: "user",
        targetId: me.body.id,
        ip: UNLIMITED,
      },
    ]);
  });

  it("answers stable errors: MFA off, a wrong code, a recovery code instead of a TOTP code", async () => {
    const username = `recov${++counter}`;
    await rest("POST", "/auth/register", {
      body: { username, email: `${username}@example.test`, password },
    });
    const plain = await rest("POST", "/auth/login", { body: { login: username, password } });
    const token = plain.body.accessToken as string;
    for (const body of [{ code: "123456" }, {}]) {
      expect(await rest("POST", "/me/mfa/recovery-codes", { token, body })).toMatchObject({
        status: 409,
        body: { code: "MFA_NOT_ENABLED" },
      });
    }
    expect(await remaining(token)).toBe(0);
    expect(await rest("POST", "/me/mfa/recovery-codes", { body: {} })).toMatchObject({
      status: 401,
      body: { code: "UNAUTHENTICATED" },
    });

    const account = await mfaAccount();
    const wrong = await rest("POST", "/me/mfa/recovery-codes", {
      token: account.token,
      body: { code: "000000" },
    });
    expect(wrong).toMatchObject({
      status: 400,
      body: { code: "INVALID_MFA_CODE", fieldErrors: { code: [expect.any(String)] } },
    });
    // Recovery codes do not renew recovery codes.
    expect(
      await rest("POST", "/me/mfa/recovery-codes", {
        token: account.token,
        body: { code: account.codes[0] },
      }),
    ).toMatchObject({ status: 400, body: { code: "INVALID_MFA_CODE" } });
    expect(await remaining(account.token)).toBe(10);

    // Without a code: this session passed MFA a moment ago (enable), which is recent enough.
    const recent = await rest("POST", "/me/mfa/recovery-codes", { token: account.token, body: {} });
    expect(recent.status).toBe(200);
    expect(recent.body.recoveryCodes).toHaveLength(10);
  });

  it("counts wrong sign-in codes and renewals against one per-account budget", async () => {
    // Five wrong codes at sign-in spend the account's budget: renewing is refused.
    const a = await mfaAccount();
    const ip = freshIp();
    const ticket = await ticketFor(a.username, ip);
    for (let i = 0; i < 5; i++) {
      const wrong = await rest("POST", "/auth/mfa", { ip, body: { ticket, code: "000000" } });
      expect(wrong).toMatchObject({ status: 400, body: { code: "INVALID_MFA_CODE" } });
    }
    const refused = await rest("POST", "/me/mfa/recovery-codes", {
      token: a.token,
      ip: freshIp(),
      body: { code: await currentTotp(a.secret, a.at + 30) },
    });
    expect(refused).toMatchObject({ status: 429, body: { code: "RATE_LIMITED" } });

    // Five renewal attempts spend it too: the next sign-in code is refused, right or not.
    const b = await mfaAccount();
    const from = freshIp();
    for (let i = 0; i < 5; i++) {
      const wrong = await rest("POST", "/me/mfa/recovery-codes", {
        token: b.token,
        ip: from,
        body: { code: "000000" },
      });
      expect(wrong).toMatchObject({ status: 400, body: { code: "INVALID_MFA_CODE" } });
    }
    const signIn = freshIp();
    const blocked = await rest("POST", "/auth/mfa", {
      ip: signIn,
      body: { ticket: await ticketFor(b.username, signIn), code: b.codes[0] },
    });
    expect(blocked).toMatchObject({ status: 429, body: { code: "RATE_LIMITED" } });
  });
});
