import { listAudit } from "@guildhall/core/audit";
import { seedDemo } from "@guildhall/core/seed";
import { getUserByUsername } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { code, useIdentity } from "./support/identity";

// "rootone" is named in SUPER_ADMINS but registered only by the test that needs it.
vi.stubEnv("SUPER_ADMINS", "rootone");

const { db, anon, as, account } = useIdentity();
const PASSWORD = "correct horse battery staple";

async function signIn(login: string, password = PASSWORD) {
  const result = await (
    await anon(`10.40.0.${Math.floor(Math.random() * 250)}`)
  ).auth.login({
    login,
    password,
  });
  if (result.mfaRequired) throw new Error("unexpected MFA");
  return result;
}

const flagOf = async (username: string) =>
  (await getUserByUsername(db().db, username))!.instanceAdmin;

/** Clears every stored flag, so each test states who administers. */
async function noStoredAdmins() {
  await db().db.update(schema.users).set({ instanceAdmin: false });
}

async function storedAdmin() {
  const user = await account("boss");
  await db()
    .db.update(schema.users)
    .set({ instanceAdmin: true })
    .where(eq(schema.users.username, user.username));
  return { ...user, caller: await as(user.accessToken) };
}

describe("instance administrators stored on the account", () => {
  it("the first start's admin is one: it signs in as a super admin and may administer", async () => {
    const seeded = await seedDemo(db().db, {
      hubSlug: "first-start",
      adminUsername: "firstadmin",
      adminEmail: "first@example.test",
      adminPassword: PASSWORD,
    });
    expect(seeded.adminPassword).toBe(PASSWORD);
    expect(await flagOf("firstadmin")).toBe(true);
    const session = await signIn("firstadmin");
    expect(session.superAdmin).toBe(true);
    const caller = await as(session.accessToken);
    const listed = await caller.admin.users.list({ query: "firstadmin", limit: 10 });
    expect(listed.items).toEqual([
      expect.objectContaining({
        username: "firstadmin",
        superAdmin: true,
        instanceAdmin: true,
        namedInSettings: false,
      }),
    ]);
    expect(await code(caller.admin.mailbox.list({ limit: 10 }))).toBe("ok");
    expect(
      await code(caller.hubs.create({ slug: "made-by-first", name: "Made by the first admin" })),
    ).toBe("ok");
  });

  it("a super admin promotes an account: from its next request it administers, audited", async () => {
    await noStoredAdmins();
    const boss = await storedAdmin();
    const someone = await account("someone");
    const before = await as(someone.accessToken);
    expect(await code(before.admin.users.list({ limit: 5 }))).toBe("SUPER_ADMIN_REQUIRED");
    const row = await boss.caller.admin.users.setInstanceAdmin({
      userId: someone.user.id,
      instanceAdmin: true,
    });
    expect(row).toMatchObject({
      username: someone.username,
      superAdmin: true,
      instanceAdmin: true,
    });
    // The same access token: the principal is resolved from the database on every request.
    expect(await code((await as(someone.accessToken)).admin.users.list({ limit: 5 }))).toBe("ok");
    const audit = await listAudit(db().db, { hubId: null, action: "user.promote", limit: 10 });
    expect(audit.items.map((item) => [item.actorId, item.targetId, item.after])).toContainEqual([
      boss.user.id,
      someone.user.id,
      { instanceAdmin: true },
    ]);
  });

  it("any super admin demotes a stored one; the demoted account loses access at once", async () => {
    await noStoredAdmins();
    const boss = await storedAdmin();
    const other = await storedAdmin();
    const row = await boss.caller.admin.users.setInstanceAdmin({
      userId: other.user.id,
      instanceAdmin: false,
    });
    expect(row).toMatchObject({ superAdmin: false, instanceAdmin: false });
    // A new request with the same token: the principal is read from the database again.
    expect(await code((await as(other.accessToken)).admin.users.list({ limit: 5 }))).toBe(
      "SUPER_ADMIN_REQUIRED",
    );
    expect(await flagOf(boss.username)).toBe(true);
  });

  it("the last super admin stays: nothing changes and nothing is audited", async () => {
    await noStoredAdmins();
    const boss = await storedAdmin();
    const audited = (await listAudit(db().db, { hubId: null, action: "user.demote", limit: 100 }))
      .items.length;
    expect(
      await code(
        boss.caller.admin.users.setInstanceAdmin({
          userId: boss.user.id,
          instanceAdmin: false,
        }),
      ),
    ).toBe("LAST_INSTANCE_ADMIN");
    expect(await flagOf(boss.username)).toBe(true);
    expect(
      (await listAudit(db().db, { hubId: null, action: "user.demote", limit: 100 })).items.length,
    ).toBe(audited);
  });

  it("two admins demoting each other at once: exactly one succeeds", async () => {
    await noStoredAdmins();
    const one = await storedAdmin();
    const two = await storedAdmin();
    const outcomes = await Promise.all([
      code(one.caller.admin.users.setInstanceAdmin({ userId: two.user.id, instanceAdmin: false })),
      code(two.caller.admin.users.setInstanceAdmin({ userId: one.user.id, instanceAdmin: false })),
    ]);
    // The loser may also have lost its own rights before its call was authorized.
    expect(outcomes.filter((outcome) => outcome === "ok")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== "ok")[0]).toMatch(
      /^(LAST_INSTANCE_ADMIN|SUPER_ADMIN_REQUIRED)$/,
    );
    const flags = [await flagOf(one.username), await flagOf(two.username)];
    expect(flags.filter(Boolean)).toHaveLength(1);
  });

  it("an account SUPER_ADMINS names counts as an admin, and stays one whatever its flag", async () => {
    await noStoredAdmins();
    const boss = await storedAdmin();
    await (
      await anon("10.41.0.1")
    ).auth.register({ username: "rootone", email: "rootone@example.test", password: PASSWORD });
    const root = await getUserByUsername(db().db, "rootone");
    const listed = await boss.caller.admin.users.list({ query: "rootone", limit: 5 });
    expect(listed.items[0]).toMatchObject({
      superAdmin: true,
      instanceAdmin: false,
      namedInSettings: true,
    });
    // rootone remains, so the stored admin may step down.
    expect(
      await boss.caller.admin.users.setInstanceAdmin({
        userId: boss.user.id,
        instanceAdmin: false,
      }),
    ).toMatchObject({ superAdmin: false });
    const rootSession = await signIn("rootone");
    expect(rootSession.superAdmin).toBe(true);
    expect(
      await (
        await as(rootSession.accessToken)
      ).admin.users.setInstanceAdmin({ userId: root!.id, instanceAdmin: false }),
    ).toMatchObject({ superAdmin: true, instanceAdmin: false, namedInSettings: true });
  });

  it("names no one else: an unknown account is USER_NOT_FOUND", async () => {
    await noStoredAdmins();
    const boss = await storedAdmin();
    expect(
      await code(
        boss.caller.admin.users.setInstanceAdmin({
          userId: "00000000-0000-7000-8000-000000000000",
          instanceAdmin: true,
        }),
      ),
    ).toBe("USER_NOT_FOUND");
  });
});
