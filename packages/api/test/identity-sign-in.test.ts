import { createHub } from "@guildhall/core/hubs";
import { listDevMailbox } from "@guildhall/core/mail";
import { addMember } from "@guildhall/core/members";
import { setUserActive } from "@guildhall/core/user-admin";
import { getUserByUsername } from "@guildhall/core/users";
import { needsRehash } from "@guildhall/auth";
import { describe, expect, it, vi } from "vitest";
import { code, useIdentity } from "./support/identity";

// The argon2 library (not ours) counted: every verification still runs for real, and the
// test sees which hashes were verified. The path is @guildhall/auth's own dependency.
const argon2 = vi.hoisted(() => ({ verified: [] as string[] }));
vi.mock("../../auth/node_modules/@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<{
    verify: (hashed: string, password: string) => Promise<boolean>;
  }>();
  return {
    ...actual,
    verify: (hashed: string, ...rest: [string]) => {
      argon2.verified.push(hashed);
      return actual.verify(hashed, ...rest);
    },
  };
});

const { db, anon, as, account, totpFor, nowSeconds } = useIdentity();

describe("registration", () => {
  it("enforces unique usernames case-insensitively, answers a registered e-mail like a new one, and the password policy", async () => {
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
    // A registered address answers like a new one (no account discovery); its owner is mailed.
    expect(
      await caller.auth.register({
        username: "another1",
        email: `${username.toUpperCase()}@EXAMPLE.TEST`,
        password: "a fine passphrase",
      }),
    ).toEqual({ ok: true });
    expect(await getUserByUsername(db().db, "another1")).toBeUndefined();
    const notice = (await listDevMailbox(db().db, 100)).filter(
      (m) => m.to === `${username}@example.test` && m.subject.includes("tried to register"),
    );
    expect(notice).toHaveLength(1);
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
    const user = await getUserByUsername(db().db, username);
    const attempt = async (login: string, ip: string) => {
      argon2.verified.length = 0;
      const result = await code(
        (await anon(ip)).auth.login({ login, password: "not the password" }),
      );
      return { result, verified: [...argon2.verified] };
    };
    const unknown = await attempt("no-such-user", "10.2.1.1");
    const wrong = await attempt(username, "10.2.2.1");
    expect([unknown.result, wrong.result]).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS"]);
    // Each runs exactly one argon2id verification (neither returns early), at the same cost:
    // the unknown user's against a stand-in hash of the current parameters.
    expect(unknown.verified).toHaveLength(1);
    expect(wrong.verified).toEqual([user!.passwordHash]);
    expect(unknown.verified[0]).not.toBe(user!.passwordHash);
    const params = (hash: string) => /^\$argon2id\$v=\d+\$(m=\d+,t=\d+,p=\d+)\$/.exec(hash)?.[1];
    expect(params(unknown.verified[0]!)).toBe("m=19456,t=2,p=1");
    expect(params(wrong.verified[0]!)).toBe("m=19456,t=2,p=1");
    expect(needsRehash(unknown.verified[0]!)).toBe(false);
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
    expect(await code((await as("not.a.jwt")).auth.verify())).toBe("INVALID_TOKEN");
  });

  it("answers the user's roles and permissions in each hub, for login and the MFA step alike", async () => {
    const member = await account("member");
    const owner = await account("owner");
    const memberId = (await getUserByUsername(db().db, member.username))!.id;
    const ownerId = (await getUserByUsername(db().db, owner.username))!.id;
    const alpha = await db().db.transaction((tx) =>
      createHub(tx, { slug: "alpha", name: "Alpha", ownerId }),
    );
    const beta = await db().db.transaction((tx) =>
      createHub(tx, { slug: "beta", name: "Beta", ownerId: memberId }),
    );
    await addMember(db().db, { hubId: alpha.id, userId: memberId, roleKey: "member" });

    const login = await (
      await anon("10.2.9.1")
    ).auth.login({ login: member.username, password: member.password });
    if (login.mfaRequired) throw new Error("unexpected MFA");
    expect(login.superAdmin).toBe(false);
    expect(login.user.superAdmin).toBe(false);
    expect(login.memberships.map((m) => [m.hubSlug, m.hubId, m.roles])).toEqual([
      ["alpha", alpha.id, ["member"]],
      ["beta", beta.id, ["owner"]],
    ]);
    const inAlpha = login.memberships[0]!;
    expect(inAlpha.permissions).toEqual(
      expect.arrayContaining(["hub.read", "member.read", "ticket.create", "ticket.read"]),
    );
    expect(inAlpha.permissions).not.toContain("ticket.delete");
    expect(inAlpha.permissions).not.toContain("role.manage");
    // The same permissions the hub's permission middleware grants.
    const asked = await (await as(login.accessToken)).hubs.myPermissions({ hubSlug: "alpha" });
    expect(inAlpha.permissions).toEqual(asked.permissions);
    // The owner of beta holds more there than a member of alpha.
    expect(login.memberships[1]!.permissions.length).toBeGreaterThan(inAlpha.permissions.length);

    // With MFA on, the second step answers the same.
    const me = await as(login.accessToken);
    await me.mfa.setup();
    const { recoveryCodes } = await me.mfa.enable({
      code: await totpFor(member.username, nowSeconds()),
    });
    const step = await (
      await anon("10.2.9.2")
    ).auth.login({ login: member.username, password: member.password });
    if (!step.mfaRequired) throw new Error("expected MFA");
    const done = await (
      await anon("10.2.9.2")
    ).auth.completeMfa({ ticket: step.mfaTicket, code: recoveryCodes[0]! });
    if (done.mfaRequired) throw new Error("unexpected");
    expect(done.superAdmin).toBe(false);
    expect(done.memberships).toEqual(login.memberships);
  });

  it("refuses deactivated users at login, and their tokens on the next call", async () => {
    const session = await account();
    const user = await getUserByUsername(db().db, session.username);
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
      expiresAt: null,
    };
    await setUserActive(db().db, actor, user!.id, false);
    expect(await code((await as(session.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
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
    expect(await code((await as(third.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
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
    expect(await code((await as(second.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
    expect(await code((await as(first.accessToken)).auth.verify())).toBe("ok");

    const third = await (
      await anon("10.4.0.2")
    ).auth.login({ login: first.username, password: first.password });
    if (third.mfaRequired) throw new Error("unexpected");
    expect(await (await as(first.accessToken)).auth.logoutAll({ keepCurrent: true })).toEqual({
      endedSessions: 1,
    });
    expect(await code((await as(third.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
    await (await as(first.accessToken)).auth.sessions.revoke({ sessionId: first.sessionId });
    expect(await code((await as(first.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
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
    expect(await code((await as(other.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
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
