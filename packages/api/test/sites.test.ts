import { getHubBySlug } from "@guildhall/core/hubs";
import { siteFilePrefix } from "@guildhall/core/sites";
import { createS3Storage, getStorage } from "@guildhall/core/storage";
import { schema } from "@guildhall/db";
import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeError } from "../src";
import { getOpenApiDocument } from "../src/openapi/document";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { startS3StandIn } from "./support/s3-stand-in";
import { useWorld } from "./support/world";

// Stored files go to a folder of this test file, through the real local storage.
const uploads = mkdtempSync(join(tmpdir(), "gh-sites-"));
vi.stubEnv("UPLOAD_DIR", uploads);
afterAll(() => rmSync(uploads, { recursive: true, force: true }));

const fixture = useWorld();
const alpha = { hubSlug: "alpha" };
const beta = { hubSlug: "beta" };
const camera = (name: string) => ({
  name,
  videoUrl: `rtsp://viewer:secret@cameras.example.test/${name.toLowerCase().replace(/\W+/g, "-")}`,
  modelKey: "yolo11n",
});

beforeEach(() => resetRateLimiters());

async function hubId(slug: string) {
  const hub = await getHubBySlug(fixture.db.db, slug);
  if (!hub) throw new Error(`no hub ${slug}`);
  return hub.id;
}

async function setStreamLimit(slug: string, limit: number) {
  await fixture.db.db
    .update(schema.hubs)
    .set({ streamLimit: limit })
    .where(eq(schema.hubs.id, await hubId(slug)));
}

/** The error body a call answered (code, status, translated message and field errors). */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null);
  }
  throw new Error("expected the call to fail");
}

async function auditCount(action: string, slug = "alpha") {
  const [row] = await fixture.db.db
    .select({ n: count() })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.hubId, await hubId(slug)), eq(schema.auditLog.action, action)));
  return row?.n ?? 0;
}

describe("sites", () => {
  it("are created, listed, read, renamed and deleted by those who manage them", async () => {
    const admin = fixture.world.caller("admin");
    const member = fixture.world.principals.member;
    const site = await admin.sites.create({
      ...alpha,
      name: "North yard",
      description: "Crane area",
      userIds: [member.userId],
    });
    expect(site).toMatchObject({ name: "North yard", description: "Crane area" });
    expect(site).not.toHaveProperty("hubId");

    const moderator = fixture.world.caller("moderator");
    const listed = await moderator.sites.list(alpha);
    expect(listed.items.find((s) => s.id === site.id)).toMatchObject({
      userCount: 1,
      streamCount: 0,
    });
    const detail = await moderator.sites.get({ ...alpha, siteId: site.id });
    expect(detail.users.map((u) => u.username)).toEqual([member.username]);

    const renamed = await admin.sites.update({ ...alpha, siteId: site.id, name: "North gate" });
    expect(renamed).toMatchObject({ name: "North gate", description: "Crane area" });

    expect((await failure(moderator.sites.create({ ...alpha, name: "Nope" }))).code).toBe(
      "PERMISSION_DENIED",
    );
    expect((await failure(fixture.world.caller("member").sites.list(alpha))).code).toBe(
      "PERMISSION_DENIED",
    );

    expect(await admin.sites.delete({ ...alpha, siteId: site.id })).toEqual({
      ok: true,
      streamsDeleted: 0,
    });
    expect((await failure(admin.sites.get({ ...alpha, siteId: site.id }))).code).toBe(
      "SITE_NOT_FOUND",
    );
  });

  it("pages newest first", async () => {
    const owner = fixture.world.caller("owner");
    for (const name of ["Page A", "Page B", "Page C"]) await owner.sites.create({ ...alpha, name });
    const first = await owner.sites.list({ ...alpha, limit: 2 });
    expect(first.items.map((s) => s.name)).toEqual(["Page C", "Page B"]);
    const second = await owner.sites.list({ ...alpha, limit: 2, cursor: first.nextCursor! });
    expect(second.items[0]?.name).toBe("Page A");
  });

  it("have names unique per hub (409 SITE_NAME_TAKEN on name)", async () => {
    const admin = fixture.world.caller("admin");
    await admin.sites.create({ ...alpha, name: "Quarry" });
    const other = await admin.sites.create({ ...alpha, name: "Harbour" });
    const taken = await failure(admin.sites.create({ ...alpha, name: "Quarry" }));
    expect(taken).toMatchObject({ code: "SITE_NAME_TAKEN", httpStatus: 409 });
    expect(taken.fieldErrors.name).toHaveLength(1);
    const renamed = await failure(
      admin.sites.update({ ...alpha, siteId: other.id, name: "Quarry" }),
    );
    expect(renamed.code).toBe("SITE_NAME_TAKEN");
    // Another hub may use the same name.
    await fixture.world.caller("otherHub").sites.create({ ...beta, name: "Quarry" });
  });

  it("take only members of their hub as users, and members read the sites they are on", async () => {
    const admin = fixture.world.caller("admin");
    const { member, otherHub, superAdmin } = fixture.world.principals;
    const site = await admin.sites.create({ ...alpha, name: "Depot" });
    const ref = { ...alpha, siteId: site.id };
    expect(await admin.sites.addUser({ ...ref, userId: member.userId })).toEqual({ added: true });
    expect(await admin.sites.addUser({ ...ref, userId: member.userId })).toEqual({ added: false });
    for (const outsider of [otherHub, superAdmin]) {
      const refused = await failure(admin.sites.addUser({ ...ref, userId: outsider.userId }));
      expect(refused).toMatchObject({ code: "NOT_A_MEMBER", httpStatus: 403 });
    }
    await admin.sites.streams.create({ ...ref, ...camera("Depot gate") });

    const mine = await fixture.world.caller("member").sites.listMine(alpha);
    expect(mine.items.map((s) => s.name)).toEqual(["Depot"]);
    expect(mine.items[0]?.streams.map((s) => s.name)).toEqual(["Depot gate"]);
    expect((await fixture.world.caller("guest").sites.listMine(alpha)).items).toEqual([]);

    expect(await admin.sites.removeUser({ ...ref, userId: member.userId })).toEqual({
      removed: true,
    });
    expect(await admin.sites.removeUser({ ...ref, userId: member.userId })).toEqual({
      removed: false,
    });
    expect((await fixture.world.caller("member").sites.listMine(alpha)).items).toEqual([]);
  });

  it("refuse a whole creation when one of its users is no member, leaving no audit row", async () => {
    const admin = fixture.world.caller("admin");
    const before = await auditCount("site.create");
    const refused = await failure(
      admin.sites.create({
        ...alpha,
        name: "Half made",
        userIds: [fixture.world.principals.member.userId, fixture.world.principals.otherHub.userId],
      }),
    );
    expect(refused.code).toBe("NOT_A_MEMBER");
    expect(refused.fieldErrors.userIds).toHaveLength(1);
    const names = (await admin.sites.list({ ...alpha, limit: 100 })).items.map((s) => s.name);
    expect(names).not.toContain("Half made");
    expect(await auditCount("site.create")).toBe(before);
  });
});

describe("streams", () => {
  it("are configured with every field, defaults 7-18, and listed by name", async () => {
    const admin = fixture.world.caller("admin");
    await setStreamLimit("alpha", 100);
    const site = await admin.sites.create({ ...alpha, name: "Tower" });
    const ref = { ...alpha, siteId: site.id };
    const plain = await admin.sites.streams.create({ ...ref, ...camera("West") });
    expect(plain).toMatchObject({
      workStartHour: 7,
      workEndHour: 18,
      detection: {},
      expiresAt: null,
      storeVideo: false,
      storeDetections: true,
    });
    const expiresAt = new Date("2031-01-01T00:00:00.000Z");
    const full = await admin.sites.streams.create({
      ...ref,
      ...camera("East"),
      modelKey: "yolo11x",
      detection: { detect_in_restricted_area: true, detect_near_machinery_or_vehicle: false },
      workStartHour: 6,
      workEndHour: 22,
      expiresAt,
      storeVideo: true,
      storeDetections: false,
    });
    expect(full).toMatchObject({
      modelKey: "yolo11x",
      detection: { detect_in_restricted_area: true, detect_near_machinery_or_vehicle: false },
      workStartHour: 6,
      workEndHour: 22,
      expiresAt,
      storeVideo: true,
      storeDetections: false,
    });

    const updated = await admin.sites.streams.update({
      ...ref,
      streamId: plain.id,
      workEndHour: 20,
      expiresAt: null,
      detection: { detect_no_safety_vest_or_helmet: true },
    });
    expect(updated).toMatchObject({
      name: "West",
      workStartHour: 7,
      workEndHour: 20,
      detection: { detect_no_safety_vest_or_helmet: true },
    });

    const listed = await fixture.world.caller("moderator").sites.streams.list(ref);
    expect(listed.items.map((s) => s.name)).toEqual(["East", "West"]);
    expect(
      (
        await failure(
          fixture.world.caller("moderator").sites.streams.create({ ...ref, ...camera("M") }),
        )
      ).code,
    ).toBe("PERMISSION_DENIED");

    await admin.sites.streams.delete({ ...ref, streamId: full.id });
    expect((await admin.sites.streams.list(ref)).items.map((s) => s.name)).toEqual(["West"]);
    expect((await failure(admin.sites.streams.delete({ ...ref, streamId: full.id }))).code).toBe(
      "STREAM_NOT_FOUND",
    );
  });

  it("have names unique per site (400 STREAM_NAME_TAKEN) and sane working hours", async () => {
    const admin = fixture.world.caller("admin");
    await setStreamLimit("alpha", 100);
    const one = await admin.sites.create({ ...alpha, name: "Bridge" });
    const two = await admin.sites.create({ ...alpha, name: "Tunnel" });
    const first = await admin.sites.streams.create({ ...alpha, siteId: one.id, ...camera("Pier") });
    const taken = await failure(
      admin.sites.streams.create({ ...alpha, siteId: one.id, ...camera("Pier") }),
    );
    expect(taken).toMatchObject({ code: "STREAM_NAME_TAKEN", httpStatus: 400 });
    expect(taken.fieldErrors.name).toHaveLength(1);
    // The same name on another site is fine.
    await admin.sites.streams.create({ ...alpha, siteId: two.id, ...camera("Pier") });
    const second = await admin.sites.streams.create({
      ...alpha,
      siteId: one.id,
      ...camera("Ramp"),
    });
    const rename = await failure(
      admin.sites.streams.update({ ...alpha, siteId: one.id, streamId: second.id, name: "Pier" }),
    );
    expect(rename.code).toBe("STREAM_NAME_TAKEN");

    const hours = await failure(
      admin.sites.streams.update({
        ...alpha,
        siteId: one.id,
        streamId: first.id,
        workStartHour: 19,
      }),
    );
    expect(hours.code).toBe("VALIDATION_FAILED");
    expect(hours.fieldErrors.workEndHour).toEqual(["The end hour must come after the start hour."]);
    const url = await failure(
      admin.sites.streams.create({
        ...alpha,
        siteId: one.id,
        ...camera("Bad"),
        videoUrl: "javascript:alert(1)",
      }),
    );
    expect(Object.keys(url.fieldErrors)).toEqual(["videoUrl"]);
    // A stream is addressed through its own site.
    const elsewhere = await failure(
      admin.sites.streams.update({ ...alpha, siteId: two.id, streamId: first.id, name: "Moved" }),
    );
    expect(elsewhere.code).toBe("STREAM_NOT_FOUND");
  });

  it("stop at the hub's limit with a clear 403, and refused writes leave no audit row", async () => {
    const admin = fixture.world.caller("admin");
    const site = await admin.sites.create({ ...alpha, name: "Limited" });
    const { used } = await admin.sites.streams.limit(alpha);
    await setStreamLimit("alpha", used + 1);
    await admin.sites.streams.create({ ...alpha, siteId: site.id, ...camera("Last one") });
    const audits = await auditCount("stream.create");
    const refused = await failure(
      admin.sites.streams.create({ ...alpha, siteId: site.id, ...camera("One too many") }),
    );
    expect(refused).toMatchObject({
      code: "STREAM_LIMIT_REACHED",
      httpStatus: 403,
      message: `Stream limit reached: this hub may have at most ${used + 1} streams.`,
    });
    expect(await auditCount("stream.create")).toBe(audits);
    expect(await admin.sites.streams.limit(alpha)).toEqual({ used: used + 1, limit: used + 1 });
    await setStreamLimit("alpha", 100);
  });

  it("stream limit under 20 concurrent creations (exactly the limit succeed)", async () => {
    const owner = fixture.world.caller("otherHub");
    const betaId = await hubId("beta");
    await setStreamLimit("beta", 5);
    const site = await owner.sites.create({ ...beta, name: "Concurrent yard" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        owner.sites.streams.create({ ...beta, siteId: site.id, ...camera(`Camera ${i}`) }),
      ),
    );
    const created = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) =>
      r.status === "rejected" ? [describeError(r.reason as TRPCError, "en", null).code] : [],
    );
    expect(created).toHaveLength(5);
    expect(refused).toEqual(Array.from({ length: 15 }, () => "STREAM_LIMIT_REACHED"));
    const [stored] = await fixture.db.db
      .select({ n: count() })
      .from(schema.streams)
      .where(eq(schema.streams.hubId, betaId));
    expect(stored?.n).toBe(5);
    expect(await auditCount("stream.create", "beta")).toBe(5);
    expect(await owner.sites.streams.limit(beta)).toEqual({ used: 5, limit: 5 });
  });
});

describe("deleting a site", () => {
  it("removes its streams, user assignments and stored files, and nothing of other sites", async () => {
    const admin = fixture.world.caller("admin");
    await setStreamLimit("alpha", 100);
    const site = await admin.sites.create({
      ...alpha,
      name: "Demolished",
      userIds: [fixture.world.principals.member.userId],
    });
    const kept = await admin.sites.create({ ...alpha, name: "Kept" });
    const ref = { ...alpha, siteId: site.id };
    const stream = await admin.sites.streams.create({ ...ref, ...camera("Doomed 1") });
    await admin.sites.streams.create({ ...ref, ...camera("Doomed 2") });
    const storage = getStorage();
    const clip = `${siteFilePrefix(site.id)}streams/${stream.id}/clip.mp4`;
    const snapshot = `${siteFilePrefix(site.id)}snapshot.jpg`;
    const other = `${siteFilePrefix(kept.id)}snapshot.jpg`;
    for (const key of [clip, snapshot, other])
      await storage.put(key, Buffer.from(key), "image/jpeg");
    expect(existsSync(join(uploads, "sites", site.id))).toBe(true);

    expect(await admin.sites.delete(ref)).toEqual({ ok: true, streamsDeleted: 2 });

    expect(await storage.get(clip)).toBeNull();
    expect(await storage.get(snapshot)).toBeNull();
    expect(existsSync(join(uploads, "sites", site.id))).toBe(false);
    expect(await storage.get(other)).not.toBeNull();
    const db = fixture.db.db;
    const [streams] = await db
      .select({ n: count() })
      .from(schema.streams)
      .where(eq(schema.streams.siteId, site.id));
    const [users] = await db
      .select({ n: count() })
      .from(schema.siteUsers)
      .where(eq(schema.siteUsers.siteId, site.id));
    expect([streams?.n, users?.n]).toEqual([0, 0]);
    const [audit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "site.delete"), eq(schema.auditLog.targetId, site.id)));
    expect(audit).toMatchObject({
      actorId: fixture.world.principals.admin.userId,
      before: { name: "Demolished", streams: ["Doomed 1", "Doomed 2"], users: 1 },
    });
  });

  it("of a stream removes that stream's files only", async () => {
    const admin = fixture.world.caller("admin");
    await setStreamLimit("alpha", 100);
    const site = await admin.sites.create({ ...alpha, name: "Recorded" });
    const ref = { ...alpha, siteId: site.id };
    const stream = await admin.sites.streams.create({ ...ref, ...camera("Recorder") });
    const clip = `${siteFilePrefix(site.id)}streams/${stream.id}/clip.mp4`;
    const snapshot = `${siteFilePrefix(site.id)}snapshot.jpg`;
    for (const key of [clip, snapshot]) await getStorage().put(key, Buffer.from("x"), "video/mp4");
    await admin.sites.streams.delete({ ...ref, streamId: stream.id });
    expect(await getStorage().get(clip)).toBeNull();
    expect(await getStorage().get(snapshot)).not.toBeNull();
  });

  it("in S3-compatible storage removes every object under the prefix, page by page", async () => {
    const s3 = await startS3StandIn("sites-test");
    try {
      const storage = createS3Storage({
        bucket: "sites-test",
        region: "us-east-1",
        endpoint: s3.endpoint,
        accessKeyId: "test",
        secretAccessKey: "test-secret",
      });
      const prefix = siteFilePrefix("0190a000-0000-7000-8000-000000000001");
      for (const name of ["a.jpg", "b.jpg", "streams/x/c.mp4", "streams/y/d.mp4", "e.json"])
        await storage.put(`${prefix}${name}`, Buffer.from(name), "application/octet-stream");
      await storage.put("sites/other/keep.jpg", Buffer.from("keep"), "image/jpeg");
      await storage.deletePrefix(prefix);
      expect([...s3.objects.keys()]).toEqual(["sites/other/keep.jpg"]);
      await expect(storage.deletePrefix("sites")).rejects.toThrow(/bad storage prefix/);
    } finally {
      await s3.close();
    }
  });
});

describe("hub scope", () => {
  it("answers HUB_NOT_FOUND to members of other hubs and NOT_FOUND for another hub's objects", async () => {
    const admin = fixture.world.caller("admin");
    await setStreamLimit("alpha", 100);
    const site = await admin.sites.create({ ...alpha, name: "Private" });
    const stream = await admin.sites.streams.create({
      ...alpha,
      siteId: site.id,
      ...camera("Hidden"),
    });
    const outsider = fixture.world.caller("otherHub");
    const ref = { ...alpha, siteId: site.id };
    for (const call of [
      () => outsider.sites.list(alpha),
      () => outsider.sites.get(ref),
      () => outsider.sites.streams.list(ref),
      () => outsider.sites.streams.create({ ...ref, ...camera("Intruder") }),
      () => outsider.sites.delete(ref),
      () => outsider.sites.streams.limit(alpha),
      () => outsider.sites.listMine(alpha),
    ])
      expect((await failure(call())).code).toBe("HUB_NOT_FOUND");

    // Alpha's ids named in hub beta, where the caller is the owner.
    const inBeta = { ...beta, siteId: site.id };
    for (const [call, expected] of [
      [() => outsider.sites.get(inBeta), "SITE_NOT_FOUND"],
      [() => outsider.sites.update({ ...inBeta, name: "Taken over" }), "SITE_NOT_FOUND"],
      [() => outsider.sites.delete(inBeta), "SITE_NOT_FOUND"],
      [
        () =>
          outsider.sites.addUser({ ...inBeta, userId: fixture.world.principals.otherHub.userId }),
        "SITE_NOT_FOUND",
      ],
      [() => outsider.sites.streams.list(inBeta), "SITE_NOT_FOUND"],
      [() => outsider.sites.streams.create({ ...inBeta, ...camera("Intruder") }), "SITE_NOT_FOUND"],
      [
        () => outsider.sites.streams.update({ ...inBeta, streamId: stream.id, storeVideo: true }),
        "STREAM_NOT_FOUND",
      ],
      [() => outsider.sites.streams.delete({ ...inBeta, streamId: stream.id }), "STREAM_NOT_FOUND"],
    ] as const)
      expect((await failure(call())).code).toBe(expected);
    expect((await admin.sites.get(ref)).name).toBe("Private");
    expect((await admin.sites.streams.list(ref)).items).toHaveLength(1);
  });
});

describe("audit", () => {
  it("records each write in its transaction, without camera passwords", async () => {
    const admin = fixture.world.caller("admin");
    await setStreamLimit("alpha", 100);
    const site = await admin.sites.create({ ...alpha, name: "Audited" });
    const stream = await admin.sites.streams.create({
      ...alpha,
      siteId: site.id,
      ...camera("Watched"),
    });
    await admin.sites.streams.update({
      ...alpha,
      siteId: site.id,
      streamId: stream.id,
      storeVideo: true,
    });
    const rows = await fixture.db.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, stream.id));
    expect(rows.map((r) => r.action).sort()).toEqual(["stream.create", "stream.update"]);
    const created = rows.find((r) => r.action === "stream.create");
    expect(created).toMatchObject({
      actorId: fixture.world.principals.admin.userId,
      after: { name: "Watched", videoUrl: "rtsp://viewer:***@cameras.example.test/watched" },
    });
    expect(JSON.stringify(rows)).not.toContain("secret");
    const updated = rows.find((r) => r.action === "stream.update");
    expect(updated).toMatchObject({ before: { storeVideo: false }, after: { storeVideo: true } });

    // Refused writes roll back with their audit row.
    const before = await auditCount("site.update");
    await failure(
      admin.sites.update({ ...alpha, siteId: site.id, name: "Audited" + "x".repeat(60) }),
    );
    await admin.sites.create({ ...alpha, name: "Occupied" });
    await failure(admin.sites.update({ ...alpha, siteId: site.id, name: "Occupied" }));
    expect(await auditCount("site.update")).toBe(before);
  });
});

describe("REST", () => {
  it("documents every site and stream operation in the OpenAPI document", () => {
    const paths = getOpenApiDocument("http://localhost").paths ?? {};
    expect(Object.keys(paths["/hubs/{hubSlug}/sites"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/hubs/{hubSlug}/sites/{siteId}"] ?? {}).sort()).toEqual([
      "delete",
      "get",
      "patch",
    ]);
    expect(
      Object.keys(paths["/hubs/{hubSlug}/sites/{siteId}/users/{userId}"] ?? {}).sort(),
    ).toEqual(["delete", "put"]);
    expect(Object.keys(paths["/hubs/{hubSlug}/sites/{siteId}/streams"] ?? {}).sort()).toEqual([
      "get",
      "post",
    ]);
    expect(
      Object.keys(paths["/hubs/{hubSlug}/sites/{siteId}/streams/{streamId}"] ?? {}).sort(),
    ).toEqual(["delete", "patch"]);
    expect(paths["/hubs/{hubSlug}/stream-limit"]?.get).toBeDefined();
    expect(paths["/hubs/{hubSlug}/me/sites"]?.get).toBeDefined();
  });
});
