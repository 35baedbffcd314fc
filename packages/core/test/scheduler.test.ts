import { schema } from "@guildhall/db";
import { and, asc, eq, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishEvent, purgeRealtimeEvents, RealtimeBus, type BusEvent } from "../src/realtime";
import { jobs, runDueJobs, type Job } from "../src/scheduler";
import { createUser, getUserById } from "../src/users";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.destroy());

const day = 86_400_000;

describe("scheduler", () => {
  it("runs a due job once across concurrent instances, then waits for its interval", async () => {
    let runs = 0;
    const job: Job = {
      name: "count",
      everySeconds: 60,
      run: () => Promise.resolve(++runs),
    };
    const now = new Date("2026-11-21T10:00:00Z");
    // Five "instances" tick at the same moment.
    const results = await Promise.all(
      Array.from({ length: 5 }, () => runDueJobs(tdb.db, [job], now)),
    );
    expect(runs).toBe(1);
    expect(results.flat()).toEqual(["count"]);
    expect(await runDueJobs(tdb.db, [job], new Date(now.getTime() + 30_000))).toEqual([]);
    expect(await runDueJobs(tdb.db, [job], new Date(now.getTime() + 61_000))).toEqual(["count"]);
    expect(runs).toBe(2);
  });

  it("records a failing job's error and keeps the schedule", async () => {
    const job: Job = {
      name: "broken",
      everySeconds: 60,
      run: () => Promise.reject(new Error("boom")),
    };
    expect(await runDueJobs(tdb.db, [job], new Date("2026-11-21T10:00:00Z"))).toEqual(["broken"]);
    const [row] = await tdb.db
      .select()
      .from(schema.scheduledJobs)
      .where(eq(schema.scheduledJobs.name, "broken"));
    expect(row?.lastError).toBe("boom");
  });

  it("purges accounts whose 14-day grace period is over, and only those", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const old = await createUser(tdb.db, { username: "leaving1" });
    const recent = await createUser(tdb.db, { username: "leaving2" });
    const staying = await createUser(tdb.db, { username: "staying" });
    await tdb.db
      .update(schema.users)
      .set({ deletionRequestedAt: new Date(now.getTime() - 15 * day) })
      .where(eq(schema.users.id, old.id));
    await tdb.db
      .update(schema.users)
      .set({ deletionRequestedAt: new Date(now.getTime() - 13 * day) })
      .where(eq(schema.users.id, recent.id));
    expect(await runDueJobs(tdb.db, jobs, now)).toContain("purge-deleted-accounts");
    expect(await getUserById(tdb.db, old.id)).toBeUndefined();
    expect(await getUserById(tdb.db, recent.id)).toBeDefined();
    expect(await getUserById(tdb.db, staying.id)).toBeDefined();
  });

  it("purges realtime events past REALTIME_EVENT_RETENTION_HOURS (72), in batches, keeping numbering", async () => {
    const now = new Date("2027-01-10T00:00:00Z");
    const hour = 3_600_000;
    const events = schema.realtimeEvents;
    const publish = (stream: string, n: number) =>
      tdb.db.transaction((tx) => publishEvent(tx, { stream, type: "test", payload: { n } }));
    for (let n = 1; n <= 5; n++) await publish("purge:a", n);
    for (let n = 1; n <= 3; n++) await publish("purge:b", n);
    // a:1-3 and all of b are older than 72 hours; a:4-5 are not.
    const age = (stream: string, upTo: number, hours: number) =>
      tdb.db
        .update(events)
        .set({ createdAt: new Date(now.getTime() - hours * hour) })
        .where(and(eq(events.stream, stream), lt(events.seq, upTo + 1)));
    await age("purge:a", 5, 71);
    await age("purge:a", 3, 73);
    await age("purge:b", 3, 100);

    // Two per statement: the job loops until nothing old is left.
    expect(await purgeRealtimeEvents(tdb.db, now, { batch: 2 })).toBe(6);
    const left = await tdb.db
      .select({ stream: events.stream, seq: events.seq })
      .from(events)
      .orderBy(asc(events.stream), asc(events.seq));
    expect(left).toEqual([
      { stream: "purge:a", seq: 4 },
      { stream: "purge:a", seq: 5 },
    ]);
    // As a scheduled job, with the default retention.
    await age("purge:a", 4, 73);
    expect(await runDueJobs(tdb.db, jobs, now)).toContain("purge-realtime-events");
    expect((await tdb.db.select().from(events)).map((e) => e.seq)).toEqual([5]);

    // Head rows stay: numbering goes on, and a resume from before the retained
    // window starts at the oldest event still stored.
    await publish("purge:a", 6);
    const bus = new RealtimeBus(tdb);
    const controller = new AbortController();
    const got: number[] = [];
    for await (const item of bus.subscribe("purge:a", { after: 1, signal: controller.signal })) {
      got.push((item as BusEvent).seq);
      if (got.length === 2) controller.abort();
    }
    await bus.stop();
    expect(got).toEqual([5, 6]);
  });
});
