import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, getUserById, jobs, runDueJobs, type Job } from "../src";
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
});
