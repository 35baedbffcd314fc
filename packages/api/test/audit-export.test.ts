import { recordAudit } from "@guildhall/core/access";
import { exportAuditCsv } from "@guildhall/core/audit";
import { getHubBySlug } from "@guildhall/core/hubs";
import { schema } from "@guildhall/db";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeError } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { useWorld } from "./support/world";

const fixture = useWorld();
beforeEach(() => resetRateLimiters());

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null).code;
  }
}

/** A strict RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else if (c === '"' || c === "\n" || c === "\r")
      throw new Error(`stray ${JSON.stringify(c)} at ${i}`);
    else cell += c;
    i += 1;
  }
  if (quoted || cell !== "" || row.length) throw new Error("unterminated last row");
  return rows;
}

const tricky = [
  { targetId: 'quote " and, comma', after: { note: "line one\nline two" } },
  { targetId: '=HYPERLINK("http://evil.example","click")', after: { n: -1 } },
  { targetId: "+SUM(1,2)", after: null },
  { targetId: "-2+3", after: null },
  { targetId: "@cmd", after: null },
  { targetId: "plain", after: { name: "Ünïcødé 名字" } },
];
/** Row i of `tricky` was written at minute i of the hour before the tests (explicit times). */
const hourAgo = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const writtenAt = (i: number) => new Date(hourAgo.getTime() + i * 60_000);
/** Target ids as the CSV shows them (formulas defused), by row of `tricky`. */
const shown = [
  'quote " and, comma',
  '\'=HYPERLINK("http://evil.example","click")',
  "'+SUM(1,2)",
  "'-2+3",
  "'@cmd",
  "plain",
];

beforeAll(async () => {
  const db = fixture.db.db;
  const alpha = await getHubBySlug(db, "alpha");
  const beta = await getHubBySlug(db, "beta");
  const { admin, moderator } = fixture.world.principals;
  for (const [i, row] of tricky.entries()) {
    await recordAudit(db, {
      hubId: alpha!.id,
      actorId: i % 2 ? moderator.userId : admin.userId,
      action: "export.test",
      targetType: "thing",
      targetId: row.targetId,
      after: row.after,
      ip: "10.0.0.9",
    });
    await db
      .update(schema.auditLog)
      .set({ createdAt: writtenAt(i) })
      .where(
        and(eq(schema.auditLog.action, "export.test"), eq(schema.auditLog.targetId, row.targetId)),
      );
  }
  await recordAudit(db, {
    hubId: beta!.id,
    actorId: fixture.world.principals.otherHub.userId,
    action: "export.test",
    targetType: "thing",
    targetId: "beta secret",
  });
});

describe("audit.export", () => {
  it("writes the hub's rows as CSV that reads back exactly, with formulas defused", async () => {
    const result = await fixture.world
      .caller("admin")
      .audit.export({ hubSlug: "alpha", action: "export.test" });
    expect(result.filename).toMatch(/^audit-alpha-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    expect(result).toMatchObject({ rows: tricky.length, truncated: false });
    expect(result.csv.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(result.csv);
    expect(header).toEqual([
      "id",
      "created_at",
      "actor_id",
      "actor_username",
      "action",
      "target_type",
      "target_id",
      "before",
      "after",
      "ip",
    ]);
    expect(rows).toHaveLength(tricky.length);
    // newest first, every row the same width
    const targets = rows.map((row) => row[6]);
    expect(targets).toEqual([
      "plain",
      "'@cmd",
      "'-2+3",
      "'+SUM(1,2)",
      '\'=HYPERLINK("http://evil.example","click")',
      'quote " and, comma',
    ]);
    for (const row of rows) expect(row).toHaveLength(10);
    const first = rows.at(-1)!;
    expect(JSON.parse(first[8]!)).toEqual({ note: "line one\nline two" });
    expect(first[3]).toBe("adminuser");
    expect(rows[0]![8]).toBe('{"name":"Ünïcødé 名字"}');
    expect(rows[0]![9]).toBe("10.0.0.9");
    expect(result.csv).not.toContain("beta secret");
    // no cell starts with a formula character
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("applies the same filters as audit.list", async () => {
    const admin = fixture.world.caller("admin");
    const { moderator } = fixture.world.principals;
    // Expected rows from the fixture (rows of `tricky`, newest first), not from either answer:
    // moderators wrote the odd rows; `from` and `to` include their bounds.
    const cases: [Record<string, unknown>, number[]][] = [
      [{ action: "export.test" }, [5, 4, 3, 2, 1, 0]],
      [{ action: "export.test", actorId: moderator.userId }, [5, 3, 1]],
      [{ action: "export.test", from: writtenAt(4) }, [5, 4]],
      [{ action: "export.test", to: writtenAt(1) }, [1, 0]],
      [{ action: "export.test", from: writtenAt(2), to: writtenAt(3) }, [3, 2]],
      [{ action: "no.such.action" }, []],
    ];
    for (const [filter, rows] of cases) {
      const listed = await admin.audit.list({ hubSlug: "alpha", limit: 100, ...filter });
      const exported = await admin.audit.export({ hubSlug: "alpha", ...filter });
      const csvRows = parseCsv(exported.csv).slice(1);
      const label = JSON.stringify(filter);
      expect(
        csvRows.map((row) => row[6]),
        label,
      ).toEqual(rows.map((i) => shown[i]));
      expect(
        listed.items.map((entry) => entry.targetId),
        label,
      ).toEqual(rows.map((i) => tricky[i]!.targetId));
      expect(
        csvRows.map((row) => row[0]),
        label,
      ).toEqual(listed.items.map((entry) => entry.id));
      expect(exported.rows).toBe(rows.length);
    }
    // Without an action: the moderator's rows of every kind, and no one else's.
    const mine = parseCsv(
      (await admin.audit.export({ hubSlug: "alpha", actorId: moderator.userId })).csv,
    ).slice(1);
    expect(mine.map((row) => row[6])).toEqual(
      expect.arrayContaining([shown[5], shown[3], shown[1]]),
    );
    expect(new Set(mine.map((row) => row[2]))).toEqual(new Set([moderator.userId]));
    const byModerator = await admin.audit.export({
      hubSlug: "alpha",
      action: "export.test",
      actorId: moderator.userId,
    });
    expect(byModerator.rows).toBe(3);
  });

  it("stops at the cap, newest rows first, and says so", async () => {
    const alpha = await getHubBySlug(fixture.db.db, "alpha");
    const capped = await exportAuditCsv(
      fixture.db.db,
      { hubId: alpha!.id, action: "export.test" },
      4,
    );
    expect(capped).toMatchObject({ rows: 4, truncated: true });
    expect(
      parseCsv(capped.csv)
        .slice(1)
        .map((row) => row[6]),
    ).toEqual(["plain", "'@cmd", "'-2+3", "'+SUM(1,2)"]);
    const exact = await exportAuditCsv(
      fixture.db.db,
      { hubId: alpha!.id, action: "export.test" },
      tricky.length,
    );
    expect(exact).toMatchObject({ rows: tricky.length, truncated: false });
  });

  it("is for audit.export holders only, and is itself written to the log", async () => {
    expect(
      await outcome(fixture.world.caller("moderator").audit.export({ hubSlug: "alpha" })),
    ).toBe("PERMISSION_DENIED");
    expect(await outcome(fixture.world.caller("otherHub").audit.export({ hubSlug: "alpha" }))).toBe(
      "HUB_NOT_FOUND",
    );
    const owner = fixture.world.caller("owner");
    await owner.audit.export({ hubSlug: "alpha", action: "export.test" });
    const { items } = await owner.audit.list({ hubSlug: "alpha", action: "audit.export" });
    expect(items[0]).toMatchObject({
      actorId: fixture.world.principals.owner.userId,
      targetType: "audit_log",
      after: { action: "export.test", rows: tricky.length, truncated: false },
    });
  });
});

describe("instance audit (rows of no hub)", () => {
  const superAdmin = () => fixture.world.caller("superAdmin");

  it("lists only hub-less rows, with the hub list's filters and cursor paging", async () => {
    const db = fixture.db.db;
    const { admin, superAdmin: root } = fixture.world.principals;
    for (let i = 0; i < 7; i++)
      await recordAudit(db, {
        hubId: null,
        actorId: i % 2 ? admin.userId : root.userId,
        action: i === 6 ? "instance.other" : "instance.test",
        targetType: "user",
        targetId: `instance-${i}`,
      });
    // A real instance write: the feature catalogue is audited without a hub.
    await superAdmin().features.catalogue.create({ key: "instance.audited", name: "Audited" });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await superAdmin().audit.listInstance({
        action: "instance.test",
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((entry) => entry.targetId!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      "instance-5",
      "instance-4",
      "instance-3",
      "instance-2",
      "instance-1",
      "instance-0",
    ]);

    const all = await superAdmin().audit.listInstance({ limit: 100 });
    expect(all.items.map((entry) => entry.action)).toContain("feature.create");
    // Hub rows never show here, and hub lists never show instance rows.
    expect(all.items.some((entry) => entry.action === "export.test")).toBe(false);
    const hubLog = await fixture.world.caller("owner").audit.list({ hubSlug: "alpha", limit: 100 });
    expect(hubLog.items.map((entry) => entry.action)).toContain("export.test");
    expect(hubLog.items.some((entry) => entry.action.startsWith("instance."))).toBe(false);
    expect(hubLog.items.some((entry) => entry.action === "feature.create")).toBe(false);

    const byAdmin = await superAdmin().audit.listInstance({ actorId: admin.userId, limit: 100 });
    expect(byAdmin.items.map((entry) => entry.targetId)).toEqual([
      "instance-5",
      "instance-3",
      "instance-1",
    ]);
    const newest = all.items.find((entry) => entry.action === "instance.other")!;
    const since = await superAdmin().audit.listInstance({ from: newest.createdAt, limit: 100 });
    expect(since.items.map((entry) => entry.id)).toContain(newest.id);
    expect(since.items.every((entry) => entry.createdAt >= newest.createdAt)).toBe(true);
    // ...and `from` did filter: the list without it holds older rows.
    expect(all.items.some((entry) => entry.createdAt < newest.createdAt)).toBe(true);
    const until = await superAdmin().audit.listInstance({
      action: "instance.test",
      to: new Date(0),
    });
    expect(until.items).toEqual([]);
  });

  it("exports the same rows as CSV and logs the export without a hub", async () => {
    for (const filter of [{ action: "instance.test" }, { action: "feature.create" }, {}]) {
      const listed = await superAdmin().audit.listInstance({ ...filter, limit: 100 });
      const exported = await superAdmin().audit.exportInstance(filter);
      expect(exported.filename).toMatch(/^audit-instance-[\d-]+\.csv$/);
      const ids = parseCsv(exported.csv)
        .slice(1)
        .map((row) => row[0]);
      expect(ids, JSON.stringify(filter)).toEqual(listed.items.map((entry) => entry.id));
    }
    const [logged] = (await superAdmin().audit.listInstance({ action: "audit.export" })).items;
    expect(logged).toMatchObject({
      actorId: fixture.world.principals.superAdmin.userId,
      targetType: "audit_log",
    });
    // The newest instance.test row (instance-5) is the admin's, named in the file.
    const [, first] = parseCsv(
      (await superAdmin().audit.exportInstance({ action: "instance.test" })).csv,
    );
    expect([first![3], first![6]]).toEqual(["adminuser", "instance-5"]);
  });

  it("is for super admins only, never through an application token", async () => {
    for (const role of ["member", "admin", "owner", "otherHub"] as const) {
      expect(await outcome(fixture.world.caller(role).audit.listInstance({}))).toBe(
        "SUPER_ADMIN_REQUIRED",
      );
      expect(await outcome(fixture.world.caller(role).audit.exportInstance({}))).toBe(
        "SUPER_ADMIN_REQUIRED",
      );
    }
    expect(await outcome(fixture.world.caller("anonymous").audit.listInstance({}))).toBe(
      "UNAUTHENTICATED",
    );
    const { createCaller, createContext } = await import("../src");
    const viaToken = createCaller(
      createContext({
        db: fixture.db.db,
        dbKind: fixture.db.kind,
        headers: new Headers(),
        principal: {
          ...fixture.world.principals.superAdmin,
          via: "application-token",
          scopes: ["*"],
        },
      }),
    );
    expect(await outcome(viaToken.audit.listInstance({}))).toBe("SUPER_ADMIN_REQUIRED");
    expect(await outcome(viaToken.audit.exportInstance({}))).toBe("SUPER_ADMIN_REQUIRED");
  });
});
