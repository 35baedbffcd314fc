import { getHubBySlug } from "@guildhall/core/hubs";
import { schema } from "@guildhall/db";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContext, describeError } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { feature, featureProcedure, permissionProcedure } from "../src/procedures";
import { hubSlug } from "../src/routers/hubs/hub.types";
import { createCallerFactory, router } from "../src/trpc";
import { failure } from "./support/tickets";
import { useWorld, type Role } from "./support/world";

const fixture = useWorld();
beforeEach(() => resetRateLimiters());

/** The outcome of a call: "ok" or the error code it answered (with its HTTP status). */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null).code;
  }
}

const members = ["guest", "member", "moderator", "admin", "owner"] as const;

async function mine(role: Role, hub = "alpha") {
  return (await fixture.world.caller(role).features.mine({ hubSlug: hub })).features;
}

/** A catalogue feature created by the super admin. */
async function catalogued(key: string) {
  await fixture.world.caller("superAdmin").features.catalogue.create({ key, name: key });
}

async function auditRows(action: string, targetId: string) {
  return fixture.db.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.targetId, targetId)));
}

describe("feature catalogue", () => {
  it("is managed by super admins, each change audited at instance level", async () => {
    const root = fixture.world.caller("superAdmin");
    const created = await root.features.catalogue.create({
      key: "reports.export",
      name: "Report export",
      description: "Export reports as PDF",
    });
    expect(created).toMatchObject({ key: "reports.export", name: "Report export" });
    expect(
      await outcome(root.features.catalogue.create({ key: "reports.export", name: "Again" })),
    ).toBe("FEATURE_EXISTS");
    expect(
      await outcome(
        fixture.world.caller("owner").features.catalogue.create({ key: "mine.only", name: "x" }),
      ),
    ).toBe("SUPER_ADMIN_REQUIRED");

    const updated = await root.features.catalogue.update({
      featureKey: "reports.export",
      name: "Reports to PDF",
    });
    expect(updated).toMatchObject({ name: "Reports to PDF", description: "Export reports as PDF" });
    const { items } = await root.features.catalogue.list();
    expect(items.find((item) => item.key === "reports.export")).toMatchObject({
      name: "Reports to PDF",
      enabledHubs: 0,
    });

    const [create] = await auditRows("feature.create", "reports.export");
    expect(create).toMatchObject({
      hubId: null,
      actorId: fixture.world.principals.superAdmin.userId,
      after: { name: "Report export", description: "Export reports as PDF" },
    });
    const [update] = await auditRows("feature.update", "reports.export");
    expect(update).toMatchObject({
      hubId: null,
      before: { name: "Report export" },
      after: { name: "Reports to PDF" },
    });
    expect(update!.requestId).toBeTruthy();
  });

  it("deleting a feature removes it from every hub, logged for the instance and each hub", async () => {
    await catalogued("old.thing");
    const alpha = fixture.world.caller("admin");
    await alpha.features.hub.set({ hubSlug: "alpha", featureKey: "old.thing", enabled: true });
    expect(await mine("member")).toContain("old.thing");
    expect(
      (await fixture.world.caller("superAdmin").features.catalogue.list()).items.find(
        (item) => item.key === "old.thing",
      )?.enabledHubs,
    ).toBe(1);

    await fixture.world.caller("superAdmin").features.catalogue.delete({ featureKey: "old.thing" });
    expect(await mine("member")).not.toContain("old.thing");
    const left = await fixture.db.db
      .select()
      .from(schema.hubFeatures)
      .where(eq(schema.hubFeatures.featureKey, "old.thing"));
    expect(left).toEqual([]);
    const [instance] = await auditRows("feature.delete", "old.thing");
    expect(instance).toMatchObject({ hubId: null, before: { hubs: 1 } });
    const hub = await getHubBySlug(fixture.db.db, "alpha");
    const { items } = await alpha.audit.list({ hubSlug: "alpha", action: "feature.remove" });
    expect(items.map((entry) => entry.targetId)).toContain("old.thing");
    expect((await auditRows("feature.remove", "old.thing"))[0]?.hubId).toBe(hub!.id);
    expect(
      await outcome(
        fixture.world.caller("superAdmin").features.catalogue.delete({ featureKey: "old.thing" }),
      ),
    ).toBe("FEATURE_NOT_FOUND");
  });
});

describe("hub feature settings", () => {
  it("list every catalogue feature (off until set up), with the hub's roles", async () => {
    await catalogued("listed.feature");
    const list = await fixture.world.caller("moderator").features.hub.list({ hubSlug: "alpha" });
    expect(list.items.find((item) => item.key === "listed.feature")).toMatchObject({
      configured: false,
      enabled: false,
      rolloutPercent: 100,
      roleIds: [],
      userIds: [],
      updatedAt: null,
    });
    expect(list.roles.map((role) => role.key)).toEqual([
      "owner",
      "admin",
      "moderator",
      "member",
      "guest",
    ]);
  });

  it("are set by feature.manage holders only, audited in the hub with before and after", async () => {
    await catalogued("audited.feature");
    const input = {
      hubSlug: "alpha",
      featureKey: "audited.feature",
      enabled: true,
      rolloutPercent: 40,
    };
    expect(await outcome(fixture.world.caller("moderator").features.hub.set(input))).toBe(
      "PERMISSION_DENIED",
    );
    expect(await outcome(fixture.world.caller("otherHub").features.hub.set(input))).toBe(
      "HUB_NOT_FOUND",
    );
    const admin = fixture.world.caller("admin");
    const first = await admin.features.hub.set(input);
    expect(first).toMatchObject({ configured: true, enabled: true, rolloutPercent: 40 });
    await admin.features.hub.set({ ...input, enabled: false, rolloutPercent: 70 });

    const { items } = await admin.audit.list({ hubSlug: "alpha", action: "feature.set" });
    const rows = items.filter((entry) => entry.targetId === "audited.feature");
    expect(rows).toHaveLength(2);
    // newest first
    expect(rows[0]).toMatchObject({
      actorId: fixture.world.principals.admin.userId,
      before: { enabled: true, rolloutPercent: 40, roleIds: [], userIds: [] },
      after: { enabled: false, rolloutPercent: 70 },
    });
    expect(rows[1]).toMatchObject({ before: null, after: { enabled: true, rolloutPercent: 40 } });
  });

  it("refuse an unknown feature and targets outside the hub", async () => {
    await catalogued("targeted.check");
    const admin = fixture.world.caller("admin");
    expect(
      await outcome(
        admin.features.hub.set({ hubSlug: "alpha", featureKey: "never.made", enabled: true }),
      ),
    ).toBe("FEATURE_NOT_FOUND");

    const betaRoles = (
      await fixture.world.caller("otherHub").features.hub.list({ hubSlug: "beta" })
    ).roles;
    // `failure` fails the test when the call succeeds (nothing absorbs that).
    const body = await failure(
      admin.features.hub.set({
        hubSlug: "alpha",
        featureKey: "targeted.check",
        enabled: true,
        roleIds: [betaRoles[0]!.id],
        userIds: [fixture.world.principals.otherHub.userId],
      }),
    );
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["roleIds", "userIds"]);
  });

  it("a hub's settings never reach another hub", async () => {
    await catalogued("beta.only");
    await fixture.world
      .caller("otherHub")
      .features.hub.set({ hubSlug: "beta", featureKey: "beta.only", enabled: true });
    expect(await mine("otherHub", "beta")).toContain("beta.only");
    for (const role of members) expect(await mine(role)).not.toContain("beta.only");
    expect(
      await outcome(fixture.world.caller("otherHub").features.mine({ hubSlug: "alpha" })),
    ).toBe("HUB_NOT_FOUND");
  });
});

/**
 * A user's rollout bucket computed by the database, independently of the product's
 * function: the first 4 bytes of sha256("<feature>:<user id>") as an unsigned number, mod 100.
 */
async function bucketInSql(featureKey: string, userId: string): Promise<number> {
  const result = await fixture.db.db.execute<{ bucket: number | string }>(sql`
    select (('x' || substr(encode(sha256(convert_to(${`${featureKey}:${userId}`}, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint % 100)::int as bucket`);
  const rows = Array.isArray(result) ? result : (result as { rows: { bucket: number }[] }).rows;
  return Number((rows as { bucket: number | string }[])[0]!.bucket);
}

describe("features.mine", () => {
  it("evaluates enablement, role and user targeting, and the rollout in one call", async () => {
    for (const key of ["for.all", "for.mods", "for.named", "switched.off", "half.rollout"])
      await catalogued(key);
    const admin = fixture.world.caller("admin");
    const { roles } = await admin.features.hub.list({ hubSlug: "alpha" });
    const moderatorRole = roles.find((role) => role.key === "moderator")!.id;
    const memberId = fixture.world.principals.member.userId;
    await admin.features.hub.set({ hubSlug: "alpha", featureKey: "for.all", enabled: true });
    await admin.features.hub.set({
      hubSlug: "alpha",
      featureKey: "for.mods",
      enabled: true,
      roleIds: [moderatorRole],
    });
    // 0 %: only the named user (named users skip the percentage).
    await admin.features.hub.set({
      hubSlug: "alpha",
      featureKey: "for.named",
      enabled: true,
      rolloutPercent: 0,
      userIds: [memberId],
    });
    await admin.features.hub.set({
      hubSlug: "alpha",
      featureKey: "switched.off",
      enabled: false,
      userIds: [memberId],
    });
    await admin.features.hub.set({
      hubSlug: "alpha",
      featureKey: "half.rollout",
      enabled: true,
      rolloutPercent: 50,
    });

    const ours = ["for.all", "for.mods", "for.named", "switched.off", "half.rollout"];
    for (const role of [...members, "superAdmin"] as const) {
      const userId = fixture.world.principals[role].userId;
      const expected = [
        "for.all",
        ...(role === "moderator" ? ["for.mods"] : []),
        ...(role === "member" ? ["for.named"] : []),
        ...((await bucketInSql("half.rollout", userId)) < 50 ? ["half.rollout"] : []),
      ].sort();
      const got = (await mine(role)).filter((key) => ours.includes(key));
      expect(got, role).toEqual(expected);
      // sticky: asking again answers the same
      expect(
        (await mine(role)).filter((key) => ours.includes(key)),
        role,
      ).toEqual(got);
    }
  });
});

describe("feature() middleware", () => {
  // A router for this test only, built with the same builders real procedures use.
  const testRouter = router({
    staffReport: permissionProcedure("feature.read")
      .use(feature("gate.test"))
      .input(z.object({ hubSlug }))
      .query(({ ctx }) => `report for ${ctx.hub.slug}`),
    memberThing: featureProcedure("gate.test")
      .input(z.object({ hubSlug }))
      .query(() => "thing"),
  });
  const createTestCaller = createCallerFactory(testRouter);
  const callerAs = (role: Exclude<Role, "anonymous">) =>
    createTestCaller(
      createContext({
        db: fixture.db.db,
        dbKind: fixture.db.kind,
        headers: new Headers(),
        peer: "10.8.0.1",
        principal: fixture.world.principals[role],
      }),
    );

  it("answers FEATURE_DISABLED (403) until the feature is on for the caller", async () => {
    // Not even in the catalogue yet: off.
    const body = await failure(callerAs("admin").staffReport({ hubSlug: "alpha" }));
    expect(body).toMatchObject({ code: "FEATURE_DISABLED", httpStatus: 403 });
    expect(body.message).toContain("gate.test");

    await catalogued("gate.test");
    expect(await outcome(callerAs("admin").staffReport({ hubSlug: "alpha" }))).toBe(
      "FEATURE_DISABLED",
    );
    const admin = fixture.world.caller("admin");
    await admin.features.hub.set({ hubSlug: "alpha", featureKey: "gate.test", enabled: true });
    expect(await callerAs("admin").staffReport({ hubSlug: "alpha" })).toBe("report for alpha");
    // The permission is still checked first; the builder without one lets every member in.
    expect(await outcome(callerAs("member").staffReport({ hubSlug: "alpha" }))).toBe(
      "PERMISSION_DENIED",
    );
    expect(await callerAs("guest").memberThing({ hubSlug: "alpha" })).toBe("thing");
    expect(await outcome(callerAs("otherHub").memberThing({ hubSlug: "alpha" }))).toBe(
      "HUB_NOT_FOUND",
    );

    // Targeted at moderators: admins are out again, moderators in.
    const { roles } = await admin.features.hub.list({ hubSlug: "alpha" });
    await admin.features.hub.set({
      hubSlug: "alpha",
      featureKey: "gate.test",
      enabled: true,
      roleIds: [roles.find((role) => role.key === "moderator")!.id],
    });
    expect(await outcome(callerAs("admin").staffReport({ hubSlug: "alpha" }))).toBe(
      "FEATURE_DISABLED",
    );
    expect(await callerAs("moderator").staffReport({ hubSlug: "alpha" })).toBe("report for alpha");

    await admin.features.hub.set({ hubSlug: "alpha", featureKey: "gate.test", enabled: false });
    expect(await outcome(callerAs("moderator").staffReport({ hubSlug: "alpha" }))).toBe(
      "FEATURE_DISABLED",
    );
  });
});
