import { getMembership } from "@guildhall/core/access";
import { createHub } from "@guildhall/core/hubs";
import { addMember } from "@guildhall/core/members";
import { createUser } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCaller, createContext } from "../src";
import { code } from "./support/identity";
import { useWorld } from "./support/world";

const fixture = useWorld();
const as = (role: Parameters<typeof fixture.world.caller>[0]) => fixture.world.caller(role);

async function hubId(slug = "alpha") {
  const [hub] = await fixture.db.db.select().from(schema.hubs).where(eq(schema.hubs.slug, slug));
  return hub!.id;
}

async function roleId(key: string) {
  const roles = await as("owner").roles.list({ hubSlug: "alpha" });
  return roles.items.find((role) => role.key === key)!.id;
}

async function auditCount(action: string) {
  const rows = await fixture.db.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.hubId, await hubId()), eq(schema.auditLog.action, action)));
  return rows.length;
}

/** A caller for a user outside the world's fixed roles. */
function callerFor(user: { id: string; username: string }) {
  const principal = {
    ...fixture.world.principals.member,
    userId: user.id,
    username: user.username,
  };
  return createCaller(
    createContext({
      db: fixture.db.db,
      dbKind: fixture.db.kind,
      headers: new Headers(),
      principal,
    }),
  );
}

let counter = 0;
async function newcomer(slug = "alpha") {
  const user = await createUser(fixture.db.db, { username: `newcomer${++counter}` });
  await addMember(fixture.db.db, { hubId: await hubId(slug), userId: user.id });
  return user;
}

describe("role ordering", () => {
  it("lets nobody grant, edit or remove a role at or above their own highest", async () => {
    const { principals } = fixture.world;
    const target = await newcomer();
    // An admin (800) cannot grant admin (800) or owner, but can grant moderator (600).
    expect(
      await code(
        as("admin").members.grantRole({
          hubSlug: "alpha",
          userId: target.id,
          roleId: await roleId("admin"),
        }),
      ),
    ).toBe("ROLE_TOO_HIGH");
    expect(
      await code(
        as("admin").members.grantRole({
          hubSlug: "alpha",
          userId: target.id,
          roleId: await roleId("owner"),
        }),
      ),
    ).toBe("ROLE_TOO_HIGH");
    await as("admin").members.grantRole({
      hubSlug: "alpha",
      userId: target.id,
      roleId: await roleId("moderator"),
    });
    // Nor act on a member at or above them: the admin cannot touch the owner.
    expect(
      await code(
        as("admin").members.grantRole({
          hubSlug: "alpha",
          userId: principals.owner.userId,
          roleId: await roleId("moderator"),
        }),
      ),
    ).toBe("MEMBER_TOO_HIGH");
    expect(
      await code(
        as("admin").members.dismiss({ hubSlug: "alpha", userId: principals.owner.userId }),
      ),
    ).toBe("MEMBER_TOO_HIGH");
    // Roles: create only below yourself, with permissions you hold; edit/delete only below.
    expect(
      await code(
        as("admin").roles.create({
          hubSlug: "alpha",
          name: "Too high",
          position: 800,
          permissions: [],
        }),
      ),
    ).toBe("ROLE_TOO_HIGH");
    const helper = await as("admin").roles.create({
      hubSlug: "alpha",
      name: "Helper",
      position: 300,
      permissions: ["member.invite"],
      discordRoleId: "123456789012345678",
    });
    expect(helper).toMatchObject({
      key: "helper",
      position: 300,
      discordRoleId: "123456789012345678",
    });
    expect(
      await code(as("admin").roles.update({ hubSlug: "alpha", roleId: helper.id, position: 900 })),
    ).toBe("ROLE_TOO_HIGH");
    expect(
      await code(
        as("admin").roles.update({ hubSlug: "alpha", roleId: await roleId("admin"), name: "Boss" }),
      ),
    ).toBe("ROLE_TOO_HIGH");
    expect(
      await code(as("admin").roles.delete({ hubSlug: "alpha", roleId: await roleId("member") })),
    ).toBe("SYSTEM_ROLE");
    // The role history records grants.
    const history = await as("admin").members.roleHistory({ hubSlug: "alpha", userId: target.id });
    expect(history.items.map((h) => [h.roleKey, h.action])).toEqual([
      ["moderator", "grant"],
      ["member", "grant"],
    ]);
    await as("admin").roles.delete({ hubSlug: "alpha", roleId: helper.id });
  });

  it("keeps the last owner, and the owner's own role out of everyone's reach but a super admin's", async () => {
    const ownerId = fixture.world.principals.owner.userId;
    const ownerRole = await roleId("owner");
    expect(
      await code(
        as("owner").members.revokeRole({ hubSlug: "alpha", userId: ownerId, roleId: ownerRole }),
      ),
    ).toBe("ROLE_TOO_HIGH");
    expect(
      await code(
        as("superAdmin").members.revokeRole({
          hubSlug: "alpha",
          userId: ownerId,
          roleId: ownerRole,
        }),
      ),
    ).toBe("LAST_OWNER");
    expect(await code(as("owner").hubs.leave({ hubSlug: "alpha" }))).toBe("LAST_OWNER");
  });

  it("refuses handing out permissions you do not hold", async () => {
    // A moderator given role.manage could otherwise mint themselves anything.
    const [moderatorRole] = await fixture.db.db
      .select()
      .from(schema.hubRoles)
      .where(and(eq(schema.hubRoles.hubId, await hubId()), eq(schema.hubRoles.key, "moderator")));
    await fixture.db.db
      .update(schema.hubRoles)
      .set({ permissions: [...moderatorRole!.permissions, "role.manage"] })
      .where(eq(schema.hubRoles.id, moderatorRole!.id));
    try {
      expect(
        await code(
          as("moderator").roles.create({
            hubSlug: "alpha",
            name: "Sneaky",
            position: 10,
            permissions: ["config.update"],
          }),
        ),
      ).toBe("PERMISSION_DENIED");
      expect(
        await code(
          as("moderator").roles.create({
            hubSlug: "alpha",
            name: "All",
            position: 10,
            permissions: ["*"],
          }),
        ),
      ).toBe("PERMISSION_DENIED");
    } finally {
      await fixture.db.db
        .update(schema.hubRoles)
        .set({ permissions: moderatorRole!.permissions })
        .where(eq(schema.hubRoles.id, moderatorRole!.id));
    }
  });
});

describe("joining", () => {
  it("applies to a reviewing hub, and staff accept", async () => {
    const user = await createUser(fixture.db.db, { username: `applicant${++counter}` });
    const applicant = callerFor(user);
    const applied = await applicant.hubs.join({ hubSlug: "alpha", message: "hello" });
    expect(applied.status).toBe("applied");
    // Applying again returns the same open request.
    expect((await applicant.hubs.join({ hubSlug: "alpha" })).applicationId).toBe(
      applied.applicationId,
    );
    const pending = await as("moderator").members.applications.list({ hubSlug: "alpha" });
    expect(pending.items.map((a) => a.username)).toContain(user.username);
    await as("moderator").members.applications.decide({
      hubSlug: "alpha",
      applicationId: applied.applicationId!,
      accept: true,
    });
    const member = await as("member").members.get({ hubSlug: "alpha", userId: user.id });
    expect(member.roles.map((r) => r.key)).toEqual(["member"]);
    // Non-staff do not see notes or bans.
    expect(member.notes).toBeNull();
    expect(await code(applicant.hubs.join({ hubSlug: "alpha" }))).toBe("ALREADY_MEMBER");
  });

  it("joins open hubs at once and refuses invite-only ones", async () => {
    await as("owner").hubs.updateSettings({ hubSlug: "alpha", joinPolicy: "open" });
    const user = await createUser(fixture.db.db, { username: `walkin${++counter}` });
    const walkIn = callerFor(user);
    expect((await walkIn.hubs.join({ hubSlug: "alpha" })).status).toBe("joined");
    await as("owner").hubs.updateSettings({ hubSlug: "alpha", joinPolicy: "invite" });
    expect(await code(fixture.world.caller("otherHub").hubs.join({ hubSlug: "alpha" }))).toBe(
      "JOIN_CLOSED",
    );
    await as("owner").hubs.updateSettings({ hubSlug: "alpha", joinPolicy: "application" });
  });

  it("honours invite expiry, uses, target user and preset role", async () => {
    const invitee = await createUser(fixture.db.db, { username: `invitee${++counter}` });
    const stranger = await createUser(fixture.db.db, { username: `stranger${++counter}` });
    // A moderator may not preset a role at or above their own.
    expect(
      await code(
        as("moderator").members.invites.create({
          hubSlug: "alpha",
          roleId: await roleId("admin"),
          expiresInHours: 1,
        }),
      ),
    ).toBe("ROLE_TOO_HIGH");
    const targeted = await as("admin").members.invites.create({
      hubSlug: "alpha",
      roleId: await roleId("moderator"),
      targetUserId: invitee.id,
      expiresInHours: 2,
      maxUses: 1,
    });
    expect(await code(callerFor(stranger).hubs.acceptInvite({ code: targeted.code }))).toBe(
      "INVITE_NOT_FOUND",
    );
    expect(await callerFor(invitee).hubs.acceptInvite({ code: targeted.code })).toEqual({
      hubSlug: "alpha",
      role: "moderator",
    });
    expect(await code(callerFor(invitee).hubs.acceptInvite({ code: targeted.code }))).toBe(
      "INVITE_NOT_FOUND",
    );

    const open = await as("moderator").members.invites.create({
      hubSlug: "alpha",
      expiresInHours: 1,
    });
    // An hour and a minute later, it has expired.
    await fixture.db.db
      .update(schema.hubInvites)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.hubInvites.id, open.id));
    expect(await code(callerFor(stranger).hubs.acceptInvite({ code: open.code }))).toBe(
      "INVITE_NOT_FOUND",
    );
    const revoked = await as("moderator").members.invites.create({
      hubSlug: "alpha",
      expiresInHours: 1,
    });
    await as("moderator").members.invites.revoke({ hubSlug: "alpha", inviteId: revoked.id });
    expect(await code(callerFor(stranger).hubs.acceptInvite({ code: revoked.code }))).toBe(
      "INVITE_NOT_FOUND",
    );
  });
});

describe("bans, dismissals and notes", () => {
  it("bans with reason and expiry, keeps history, and refuses the banned", async () => {
    const target = await newcomer();
    const until = new Date(Date.now() + 86_400_000);
    await as("moderator").members.ban({
      hubSlug: "alpha",
      userId: target.id,
      reason: "spam",
      expiresAt: until,
    });
    expect(await code(as("moderator").members.get({ hubSlug: "alpha", userId: target.id }))).toBe(
      "MEMBER_NOT_FOUND",
    );
    const invite = await as("moderator").members.invites.create({
      hubSlug: "alpha",
      expiresInHours: 1,
    });
    const banned = callerFor(target);
    expect(await code(banned.hubs.acceptInvite({ code: invite.code }))).toBe("BANNED");
    expect(await code(banned.hubs.join({ hubSlug: "alpha" }))).toBe("BANNED");
    // The dashboard's ban list: bans in force, with the banned user's name (no longer a member).
    const inForce = await as("moderator").members.bans({ hubSlug: "alpha", active: "true" });
    expect(inForce.items.find((b) => b.userId === target.id)).toMatchObject({
      username: target.username,
      reason: "spam",
      liftedAt: null,
    });
    await as("moderator").members.unban({ hubSlug: "alpha", userId: target.id });
    expect(
      (await as("moderator").members.bans({ hubSlug: "alpha", active: "true" })).items.some(
        (b) => b.userId === target.id,
      ),
    ).toBe(false);
    await banned.hubs.acceptInvite({ code: invite.code });
    const history = await as("moderator").members.bans({ hubSlug: "alpha", userId: target.id });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      reason: "spam",
      liftedBy: fixture.world.principals.moderator.userId,
    });
    // Staff notes: visible to staff on the member, never to the member list.
    await as("moderator").members.addNote({
      hubSlug: "alpha",
      userId: target.id,
      body: "watch this one",
    });
    const detail = await as("moderator").members.get({ hubSlug: "alpha", userId: target.id });
    expect(detail.notes?.map((n) => n.body)).toEqual(["watch this one"]);
    expect(detail.bans).toHaveLength(1);
    // Dismissal by an admin removes the member and revokes roles in the history.
    await as("admin").members.dismiss({ hubSlug: "alpha", userId: target.id, reason: "bye" });
    const roles = await as("admin").members.roleHistory({ hubSlug: "alpha", userId: target.id });
    expect(roles.items[0]).toMatchObject({ roleKey: "member", action: "revoke" });
  });

  it("writes audit rows in the same transaction: a refused write leaves none", async () => {
    const target = await newcomer();
    const before = await auditCount("member.ban");
    // Refused inside the transaction (the owner outranks the moderator): nothing written.
    expect(
      await code(
        as("moderator").members.ban({
          hubSlug: "alpha",
          userId: fixture.world.principals.owner.userId,
          reason: "coup",
        }),
      ),
    ).toBe("MEMBER_TOO_HIGH");
    expect(await auditCount("member.ban")).toBe(before);
    expect(
      await as("owner").members.get({
        hubSlug: "alpha",
        userId: fixture.world.principals.owner.userId,
      }),
    ).toBeTruthy();
    await as("moderator").members.ban({ hubSlug: "alpha", userId: target.id, reason: "ok" });
    expect(await auditCount("member.ban")).toBe(before + 1);
  });
});

describe("audit rows share the write's transaction", () => {
  it("rolls back the write and its audit row when the transaction fails after recordAudit", async () => {
    const owner = fixture.world.principals.owner.userId;
    // createHub writes the hub, its roles, its owner and the audit row in the caller's
    // transaction; failing after it returns leaves none of them.
    await expect(
      fixture.db.db.transaction(async (tx) => {
        const hub = await createHub(tx, { slug: "doomed", name: "Doomed", ownerId: owner });
        const [audited] = await tx
          .select()
          .from(schema.auditLog)
          .where(and(eq(schema.auditLog.hubId, hub.id), eq(schema.auditLog.action, "hub.create")));
        expect(audited).toBeTruthy();
        throw new Error("boom after the audit insert");
      }),
    ).rejects.toThrow("boom after the audit insert");
    expect(
      await fixture.db.db.select().from(schema.hubs).where(eq(schema.hubs.slug, "doomed")),
    ).toEqual([]);
    const created = await fixture.db.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "hub.create"));
    expect(created.map((row) => (row.after as { slug: string }).slug)).not.toContain("doomed");
  });

  it("a ban that fails at commit, after its audit insert, leaves neither ban nor audit row", async () => {
    const target = await newcomer();
    const db = fixture.db.db;
    // A deferred check on audit_log fails at COMMIT, i.e. after banUser has removed the
    // member, inserted the ban and recorded the audit row in its own transaction.
    await db.execute(
      sql.raw(`create function test_fail_marked_audit() returns trigger language plpgsql as $$
        begin
          if new.after->>'reason' = 'fail-after-audit' then
            raise exception 'refused at commit';
          end if;
          return null;
        end $$`),
    );
    await db.execute(
      sql.raw(`create constraint trigger test_fail_marked_audit after insert on audit_log
        deferrable initially deferred for each row execute function test_fail_marked_audit()`),
    );
    try {
      const before = await auditCount("member.ban");
      expect(
        await code(
          as("moderator").members.ban({
            hubSlug: "alpha",
            userId: target.id,
            reason: "fail-after-audit",
          }),
        ),
      ).toBe("INTERNAL");
      expect(await auditCount("member.ban")).toBe(before);
      expect(await getMembership(db, await hubId(), target.id)).toBeTruthy();
      expect(
        await db
          .select()
          .from(schema.hubBans)
          .where(
            and(eq(schema.hubBans.hubId, await hubId()), eq(schema.hubBans.userId, target.id)),
          ),
      ).toEqual([]);
      // The same ban with any other reason goes through, with its audit row.
      await as("moderator").members.ban({ hubSlug: "alpha", userId: target.id, reason: "spam" });
      expect(await auditCount("member.ban")).toBe(before + 1);
    } finally {
      await db.execute(sql.raw(`drop trigger test_fail_marked_audit on audit_log`));
      await db.execute(sql.raw(`drop function test_fail_marked_audit()`));
    }
  });
});

describe("member list", () => {
  it("searches by username prefix and pages without gaps or repeats", async () => {
    for (let i = 0; i < 7; i++) await newcomer();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as("member").members.list({
        hubSlug: "alpha",
        query: "NEWCOMER",
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((m) => m.username));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(seen.every((name) => name.startsWith("newcomer"))).toBe(true);
    const count = (
      await fixture.db.db
        .select()
        .from(schema.hubMemberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.hubMemberships.userId))
        .where(eq(schema.hubMemberships.hubId, await hubId()))
    ).filter((row) => row.users.username.startsWith("newcomer")).length;
    expect(seen).toHaveLength(count);
    // LIKE wildcards are literal.
    expect((await as("member").members.list({ hubSlug: "alpha", query: "new%" })).items).toEqual(
      [],
    );
    const moderators = await as("member").members.list({
      hubSlug: "alpha",
      roleId: await roleId("moderator"),
    });
    expect(moderators.items.length).toBeGreaterThan(0);
    expect(moderators.items.map((m) => m.id)).toContain(fixture.world.principals.moderator.userId);
    expect(moderators.items.every((m) => m.roles.some((r) => r.key === "moderator"))).toBe(true);
  });
});

describe("hubs", () => {
  it("creates (super admin), updates, archives and restores a hub", async () => {
    const created = await as("superAdmin").hubs.create({ slug: "gamma", name: "Gamma" });
    expect(created).toMatchObject({ slug: "gamma", joinPolicy: "application", streamLimit: 10 });
    expect(await code(as("superAdmin").hubs.create({ slug: "gamma", name: "Again" }))).toBe(
      "HUB_SLUG_TAKEN",
    );
    expect(await code(as("member").hubs.create({ slug: "delta", name: "Delta" }))).toBe(
      "HUB_CREATION_CLOSED",
    );
    const updated = await as("superAdmin").hubs.updateSettings({
      hubSlug: "gamma",
      primaryColor: "#112233",
      distanceUnit: "mi",
      modules: ["tickets", "events"],
      streamLimit: 3,
    });
    expect(updated).toMatchObject({ primaryColor: "#112233", distanceUnit: "mi", streamLimit: 3 });
    // Only super admins set the stream limit.
    expect(await code(as("owner").hubs.updateSettings({ hubSlug: "alpha", streamLimit: 99 }))).toBe(
      "SUPER_ADMIN_REQUIRED",
    );
    await as("superAdmin").hubs.archive({ hubSlug: "gamma" });
    const archived = await as("superAdmin").admin.hubs.list({ archived: "true" });
    expect(archived.items.map((h) => h.slug)).toEqual(["gamma"]);
    const active = await as("superAdmin").admin.hubs.list({ limit: 1 });
    expect(active.items.map((h) => h.slug)).toEqual(["alpha"]);
    expect(active.items[0]!.members).toBeGreaterThanOrEqual(5);
    expect(
      (await as("superAdmin").admin.hubs.list({ after: active.nextCursor! })).items[0]?.slug,
    ).toBe("beta");
    expect(await code(as("superAdmin").hubs.settings({ hubSlug: "gamma" }))).toBe("HUB_NOT_FOUND");
    expect(await code(as("owner").hubs.restore({ hubSlug: "gamma" }))).toBe("HUB_NOT_FOUND");
    expect((await as("superAdmin").hubs.restore({ hubSlug: "gamma" })).archivedAt).toBeNull();
    const perms = await as("moderator").hubs.myPermissions({ hubSlug: "alpha" });
    expect(perms.roles.map((r) => r.key)).toEqual(["moderator"]);
    expect(perms.permissions).toContain("member.ban");
    expect(perms.permissions).not.toContain("role.manage");
  });
});
