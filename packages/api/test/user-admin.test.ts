import { passwordLogin, revokeSessions, sessionPrincipal } from "@guildhall/core/identity";
import { getUserByUsername } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createCaller, createContext } from "../src";
import { code, useIdentity } from "./support/identity";

// Two instance administrators (SUPER_ADMINS), registered below like everyone else.
vi.stubEnv("SUPER_ADMINS", "rootone,roottwo");

const { db, anon, as, account } = useIdentity();
const PASSWORD = "correct horse battery staple";

let ips = 0;
const nextIp = () => `10.20.${Math.floor(++ips / 250)}.${ips % 250}`;

/** Signs a user in over the API; returns its tokens (throws on a refusal). */
async function login(username: string, password = PASSWORD) {
  const result = await (await anon(nextIp())).auth.login({ login: username, password });
  if (result.mfaRequired) throw new Error("unexpected MFA");
  return result;
}

/** A super admin's caller (registered on first use). */
async function root(username: "rootone" | "roottwo") {
  if (!(await getUserByUsername(db().db, username)))
    await (
      await anon(nextIp())
    ).auth.register({ username, email: `${username}@example.test`, password: PASSWORD });
  const session = await login(username);
  expect(session.superAdmin).toBe(true);
  return { ...session, caller: await as(session.accessToken) };
}

async function idOf(username: string) {
  return (await getUserByUsername(db().db, username))!.id;
}

/**
 * A request carrying the dashboard cookie, resolved the way the web app's
 * contextFromRequest does: the cookie names a browser session, and
 * sessionPrincipal re-checks it (and the account) on every request.
 */
async function cookieCaller(session: { sid: string; sub: string }) {
  const principal = await sessionPrincipal(db().db, session);
  return createCaller(
    createContext({
      db: db().db,
      dbKind: db().kind,
      headers: new Headers(),
      principal,
      peer: "10.30.0.1",
    }),
  );
}

/** Signs in the way the dashboard's credentials provider does (a browser session). */
async function browserSignIn(username: string, password = PASSWORD) {
  const result = await passwordLogin(db().db, { login: username, password, kind: "browser" });
  if (result.mfaRequired) throw new Error("unexpected MFA");
  return { sid: result.sessionId, sub: result.userId };
}

async function audited(action: string, targetId: string) {
  const rows = await db()
    .db.select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.targetId, targetId)));
  return rows.length;
}

describe("user administration", () => {
  it("is for super admins only", async () => {
    const someone = await account("plain");
    const caller = await as(someone.accessToken);
    expect(await code(caller.admin.users.list({ limit: 10 }))).toBe("SUPER_ADMIN_REQUIRED");
    expect(
      await code(
        caller.admin.users.create({
          username: "sneaky1",
          email: "sneaky1@example.test",
          password: PASSWORD,
        }),
      ),
    ).toBe("SUPER_ADMIN_REQUIRED");
    expect(
      await code(
        caller.admin.users.setActive({ userId: await idOf(someone.username), active: false }),
      ),
    ).toBe("SUPER_ADMIN_REQUIRED");
    expect(await code((await anon()).admin.users.list({ limit: 10 }))).toBe("UNAUTHENTICATED");
  });

  it("lists and searches accounts, page by page", async () => {
    const { caller } = await root("rootone");
    for (const name of ["findme.a", "findme.b", "findme.c", "other.x"])
      await caller.admin.users.create({
        username: name,
        email: `${name}@example.test`,
        password: PASSWORD,
      });
    const all = await caller.admin.users.list({ limit: 100 });
    expect(all.items.map((u) => u.username)).toEqual(
      expect.arrayContaining(["findme.a", "findme.b", "findme.c", "other.x", "rootone"]),
    );
    expect(all.items.find((u) => u.username === "rootone")).toMatchObject({
      superAdmin: true,
      isActive: true,
    });
    expect(all.items.find((u) => u.username === "findme.a")).toMatchObject({
      superAdmin: false,
      email: "findme.a@example.test",
    });

    // Case-insensitive search, two per page.
    const first = await caller.admin.users.list({ query: "FINDME", limit: 2 });
    expect(first.items.map((u) => u.username)).toEqual(["findme.a", "findme.b"]);
    expect(first.nextCursor).toBe("findme.b");
    const second = await caller.admin.users.list({
      query: "findme",
      limit: 2,
      after: first.nextCursor!,
    });
    expect(second.items.map((u) => u.username)).toEqual(["findme.c"]);
    expect(second.nextCursor).toBeNull();
    // LIKE wildcards are searched for literally.
    expect((await caller.admin.users.list({ query: "%", limit: 10 })).items).toEqual([]);
    expect(await code(caller.admin.users.list({ limit: 0 }))).toBe("VALIDATION_FAILED");
  });

  it("creates accounts that can sign in, with the usual username and password rules", async () => {
    const { caller, user } = await root("rootone");
    const created = await caller.admin.users.create({
      username: "made.by.root",
      email: "made@example.test",
      password: "a new member's passphrase",
    });
    expect(created).toMatchObject({ username: "made.by.root", isActive: true, superAdmin: false });
    expect((await login("made.by.root", "a new member's passphrase")).user.id).toBe(created.id);
    expect(
      await code(
        caller.admin.users.create({
          username: "MADE.BY.ROOT",
          email: "made2@example.test",
          password: PASSWORD,
        }),
      ),
    ).toBe("USERNAME_TAKEN");
    expect(
      await code(
        caller.admin.users.create({
          username: "weakling",
          email: "weak@example.test",
          password: "password1",
        }),
      ),
    ).toBe("WEAK_PASSWORD");
    expect(
      await code(caller.admin.users.create({ username: "x", email: "bad", password: PASSWORD })),
    ).toBe("VALIDATION_FAILED");
    expect(user.superAdmin).toBe(true);
  });

  it("deactivates: no sign-in, and tokens, refresh and the dashboard cookie stop at once; activates again", async () => {
    const { caller } = await root("rootone");
    const target = await account("inactive");
    const userId = await idOf(target.username);
    const cookie = await browserSignIn(target.username, target.password);
    const before = await cookieCaller(cookie);
    expect((await before.auth.verify()).via).toBe("session");
    expect((await before.users.me()).username).toBe(target.username);

    const row = await caller.admin.users.setActive({ userId, active: false });
    expect(row).toMatchObject({ id: userId, isActive: false });
    expect(await audited("user.deactivate", userId)).toBe(1);

    // The next request with the same cookie is anonymous (HTTP 401).
    expect(await code((await cookieCaller(cookie)).users.me())).toBe("UNAUTHENTICATED");
    expect(await code((await as(target.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
    expect(await code((await anon()).auth.refresh({ refreshToken: target.refreshToken }))).toBe(
      "INVALID_TOKEN",
    );
    expect(await code(login(target.username, target.password))).toBe("ACCOUNT_INACTIVE");
    await expect(browserSignIn(target.username, target.password)).rejects.toMatchObject({
      code: "ACCOUNT_INACTIVE",
    });

    // Activated again: new sign-ins work; the ended sessions stay ended.
    expect(await caller.admin.users.setActive({ userId, active: true })).toMatchObject({
      isActive: true,
    });
    expect(await audited("user.activate", userId)).toBe(1);
    expect(await code((await cookieCaller(cookie)).users.me())).toBe("UNAUTHENTICATED");
    const again = await login(target.username, target.password);
    expect(await code((await as(again.accessToken)).auth.verify())).toBe("ok");
    expect(
      (await (await cookieCaller(await browserSignIn(target.username, target.password))).users.me())
        .username,
    ).toBe(target.username);
  });

  it("a dashboard cookie also stops at once after logout", async () => {
    const target = await account("cookie");
    const cookie = await browserSignIn(target.username, target.password);
    expect(await code((await cookieCaller(cookie)).users.me())).toBe("ok");
    // What next-auth's signOut event does with the cookie's session.
    await revokeSessions(db().db, { sessionId: cookie.sid }, "logout");
    expect(await code((await cookieCaller(cookie)).users.me())).toBe("UNAUTHENTICATED");
    // A cookie naming someone else's session is refused too.
    const other = await browserSignIn(target.username, target.password);
    const stranger = await idOf((await account("stranger")).username);
    expect(await code((await cookieCaller({ sid: other.sid, sub: stranger })).users.me())).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("renames: the new name signs in, the old one no longer does", async () => {
    const { caller } = await root("rootone");
    const target = await account("renamed");
    const userId = await idOf(target.username);
    expect(await caller.admin.users.rename({ userId, username: "fresh.name" })).toMatchObject({
      id: userId,
      username: "fresh.name",
    });
    expect(await audited("user.rename", userId)).toBe(1);
    expect((await login("fresh.name", target.password)).user.id).toBe(userId);
    expect(await code(login(target.username, target.password))).toBe("INVALID_CREDENTIALS");
    expect(await code(caller.admin.users.rename({ userId, username: "ROOTONE" }))).toBe(
      "USERNAME_TAKEN",
    );
    expect(await code(caller.admin.users.rename({ userId, username: "no way!" }))).toBe(
      "VALIDATION_FAILED",
    );
    expect(
      await code(
        caller.admin.users.rename({
          userId: "00000000-0000-4000-8000-000000000000",
          username: "ghost.user",
        }),
      ),
    ).toBe("USER_NOT_FOUND");
  });

  it("resets a password: old sessions end, the old password fails, the new one works", async () => {
    const { caller } = await root("rootone");
    const target = await account("reset");
    const userId = await idOf(target.username);
    const cookie = await browserSignIn(target.username, target.password);
    expect(await code(caller.admin.users.resetPassword({ userId, password: "password1" }))).toBe(
      "WEAK_PASSWORD",
    );
    expect(
      await caller.admin.users.resetPassword({ userId, password: "set by the admin today" }),
    ).toEqual({ ok: true });
    expect(await audited("user.resetPassword", userId)).toBe(1);
    expect(await code((await as(target.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
    expect(await code((await cookieCaller(cookie)).users.me())).toBe("UNAUTHENTICATED");
    expect(await code(login(target.username, target.password))).toBe("INVALID_CREDENTIALS");
    const fresh = await login(target.username, "set by the admin today");
    expect(await code((await as(fresh.accessToken)).auth.verify())).toBe("ok");
  });

  it("deletes an account with everything that signs it in", async () => {
    const { caller } = await root("rootone");
    const target = await account("doomed");
    const userId = await idOf(target.username);
    expect(await caller.admin.users.delete({ userId })).toEqual({ ok: true });
    expect(await audited("user.delete", userId)).toBe(1);
    expect(await getUserByUsername(db().db, target.username)).toBeUndefined();
    expect((await caller.admin.users.list({ query: target.username, limit: 10 })).items).toEqual(
      [],
    );
    expect(await code((await as(target.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
    expect(await code(login(target.username, target.password))).toBe("INVALID_CREDENTIALS");
    expect(await code(caller.admin.users.delete({ userId }))).toBe("USER_NOT_FOUND");
  });

  it("protects a super admin from every other administrator, but not from themselves", async () => {
    const one = await root("rootone");
    const two = await root("roottwo");
    const oneId = one.user.id;
    const attempts = {
      deactivate: () => two.caller.admin.users.setActive({ userId: oneId, active: false }),
      rename: () => two.caller.admin.users.rename({ userId: oneId, username: "demoted1" }),
      resetPassword: () =>
        two.caller.admin.users.resetPassword({ userId: oneId, password: "taken over by two" }),
      delete: () => two.caller.admin.users.delete({ userId: oneId }),
    };
    for (const [name, attempt] of Object.entries(attempts))
      expect(await code(attempt()), name).toBe("SUPER_ADMIN_PROTECTED");
    // Nothing changed: rootone still signs in with the old password and is active.
    expect((await login("rootone")).superAdmin).toBe(true);

    // A super admin may manage their own account.
    expect(
      await one.caller.admin.users.resetPassword({
        userId: oneId,
        password: "my own new passphrase",
      }),
    ).toEqual({ ok: true });
    expect((await login("rootone", "my own new passphrase")).superAdmin).toBe(true);
    expect(
      await (
        await as((await login("rootone", "my own new passphrase")).accessToken)
      ).admin.users.setActive({
        userId: oneId,
        active: true,
      }),
    ).toMatchObject({ username: "rootone", isActive: true, superAdmin: true });
    // Put the password back for the other tests of this file.
    await (
      await as((await login("rootone", "my own new passphrase")).accessToken)
    ).admin.users.resetPassword({ userId: oneId, password: PASSWORD });
  });
});
