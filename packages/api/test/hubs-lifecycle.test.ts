import { getMembership, memberAuthority } from "@guildhall/core/access";
import { getEnv } from "@guildhall/core/env";
import { schema } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { code } from "./support/identity";
import { useWorld } from "./support/world";

// This file runs with an instance that lets anyone create hubs (read once, on first use).
vi.stubEnv("HUB_CREATION", "everyone");

const fixture = useWorld();
const as = (role: Parameters<typeof fixture.world.caller>[0]) => fixture.world.caller(role);
beforeEach(() => resetRateLimiters());

describe("HUB_CREATION=everyone", () => {
  it("lets a user who is no super admin create a hub, as its owner", async () => {
    expect(getEnv().HUB_CREATION).toBe("everyone");
    const { member } = fixture.world.principals;
    expect(member.superAdmin).toBe(false);
    const hub = await as("member").hubs.create({ slug: "members-own", name: "Members' own" });
    expect(hub).toMatchObject({ slug: "members-own", name: "Members' own", archivedAt: null });
    expect(await getMembership(fixture.db.db, hub.id, member.userId)).toBeTruthy();
    const authority = await memberAuthority(fixture.db.db, hub.id, member.userId);
    expect(authority.roles.map((role) => role.key)).toEqual(["owner"]);
    const mine = await as("member").hubs.listMine();
    expect(mine.items.find((h) => h.slug === "members-own")).toMatchObject({ role: "owner" });
    // As owner they hold every permission there, and the creation is audited.
    const perms = await as("member").hubs.myPermissions({ hubSlug: "members-own" });
    expect(perms.permissions).toEqual(expect.arrayContaining(["hub.archive", "role.manage"]));
    const audit = await as("member").audit.list({ hubSlug: "members-own", action: "hub.create" });
    expect(audit.items[0]).toMatchObject({ actorId: member.userId, targetId: hub.id });
    // Anonymous callers still cannot, and slugs stay unique.
    expect(await code(as("anonymous").hubs.create({ slug: "anon-hub", name: "Anon" }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(await code(as("guest").hubs.create({ slug: "members-own", name: "Again" }))).toBe(
      "HUB_SLUG_TAKEN",
    );
  });
});

describe("archived hubs", () => {
  it("are listed for their owners and super admins, who can restore them", async () => {
    const owner = as("guest");
    const created = await owner.hubs.create({ slug: "shelved", name: "Shelved" });
    expect((await owner.hubs.listArchived()).items).toEqual([]);
    await owner.hubs.archive({ hubSlug: "shelved" });
    expect((await owner.hubs.listMine()).items.map((h) => h.slug)).not.toContain("shelved");

    const listed = await owner.hubs.listArchived();
    expect(listed.items).toEqual([
      { id: created.id, slug: "shelved", name: "Shelved", archivedAt: expect.any(Date) },
    ]);
    expect((await as("superAdmin").hubs.listArchived()).items.map((h) => h.slug)).toContain(
      "shelved",
    );
    // Members of other hubs, owners of other hubs: nothing to restore, and restore is refused.
    for (const role of ["member", "owner", "otherHub"] as const) {
      expect((await as(role).hubs.listArchived()).items.map((h) => h.slug)).not.toContain(
        "shelved",
      );
      expect(await code(as(role).hubs.restore({ hubSlug: "shelved" }))).toBe("HUB_NOT_FOUND");
    }
    const restored = await owner.hubs.restore({ hubSlug: "shelved" });
    expect(restored).toMatchObject({ slug: "shelved", archivedAt: null });
    expect((await owner.hubs.listArchived()).items).toEqual([]);
    expect((await owner.hubs.listMine()).items.map((h) => h.slug)).toContain("shelved");
    const rows = await fixture.db.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.hubId, created.id), eq(schema.auditLog.action, "hub.restore")));
    expect(rows).toHaveLength(1);
  });
});
