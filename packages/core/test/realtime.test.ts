import { createDatabase, schema, type DatabaseHandle } from "@guildhall/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  RealtimeBus,
  publishEvent,
  publishEvents,
  publishSignal,
  type BusEvent,
  type BusSignal,
} from "../src/realtime";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let tdb: TestDatabase;
let bus: RealtimeBus;
beforeAll(async () => {
  tdb = await createTestDatabase();
  bus = new RealtimeBus(tdb);
  await bus.start();
});
afterAll(async () => {
  await bus.stop();
  await tdb.destroy();
});

const publish = (stream: string, n: number) =>
  tdb.db.transaction((tx) => publishEvent(tx, { stream, type: "test", payload: { n } }));

/** Collects `count` items from a subscription, then stops it. */
async function take(
  iterable: AsyncIterable<BusEvent | BusSignal>,
  count: number,
  controller: AbortController,
  timeoutMs = 10_000,
) {
  const items: (BusEvent | BusSignal)[] = [];
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  for await (const item of iterable) {
    items.push(item);
    if (items.length === count) break;
  }
  clearTimeout(timer);
  controller.abort();
  return items;
}

const seqs = (items: (BusEvent | BusSignal)[]) =>
  items.map((item) => (item.kind === "event" ? item.seq : -1));

/**
 * Subscriptions of `stream` that are live: each has read the stream's head and
 * answered a "ready" signal sent after it subscribed, so whatever is published
 * from now on reaches it as news (no sleeping before publishing).
 */
async function liveSubscriptions(
  on: RealtimeBus,
  stream: string,
  controllers: AbortController[],
): Promise<AsyncIterableIterator<BusEvent | BusSignal>[]> {
  await on.start();
  const subscriptions = controllers.map((c) => on.subscribe(stream, { signal: c.signal }));
  const first = subscriptions.map((s) => s.next());
  await publishSignal(tdb.db, { stream, type: "ready", payload: {} });
  for (const item of await Promise.all(first))
    expect(item.value).toMatchObject({ kind: "signal", type: "ready" });
  return subscriptions;
}

/** One live subscription (see `liveSubscriptions`). */
const liveSubscription = async (on: RealtimeBus, stream: string, controller: AbortController) =>
  (await liveSubscriptions(on, stream, [controller]))[0]!;

describe("realtime bus", () => {
  it("delivers committed events once, in order, live and after a resume; nothing from a rollback", async () => {
    const controller = new AbortController();
    const live = await liveSubscription(bus, "s:one", controller);
    const received = take(live, 5, controller);
    await publish("s:one", 1);
    await tdb.db
      .transaction(async (tx) => {
        await publishEvent(tx, { stream: "s:one", type: "test", payload: { n: "rolled back" } });
        throw new Error("rollback");
      })
      .catch(() => undefined);
    for (let n = 2; n <= 5; n++) await publish("s:one", n);
    const items = (await received) as BusEvent[];
    expect(items.map((e) => e.payload.n)).toEqual([1, 2, 3, 4, 5]);
    expect(seqs(items)).toEqual([1, 2, 3, 4, 5]);

    // Resuming after event 2 replays 3..5 from the table, then goes live.
    const again = new AbortController();
    const resumed = take(bus.subscribe("s:one", { after: 2, signal: again.signal }), 4, again);
    // Replayed from the table whether or not the subscriber has started reading yet.
    await publish("s:one", 6);
    expect(seqs(await resumed)).toEqual([3, 4, 5, 6]);
  });

  it("publishes several events of several streams with the caller's writes in one statement, all or nothing", async () => {
    const controller = new AbortController();
    const live = await liveSubscription(bus, "s:multi-a", controller);
    const received = take(live, 3, controller);
    await publish("s:multi-a", 0);
    const write = (slug: string) =>
      tdb.db.insert(schema.hubs).values({ slug, name: "Multi" }).onConflictDoNothing();
    const numbered = await tdb.db.transaction((tx) =>
      publishEvents(
        tx,
        [
          { stream: "s:multi-b", type: "test", payload: { n: "b1" } },
          { stream: "s:multi-a", type: "test", payload: { n: 1 } },
          { stream: "s:multi-a", type: "test", payload: { n: 2 } },
        ],
        [write("multi-one")],
      ),
    );
    expect(numbered).toEqual([
      { stream: "s:multi-a", seq: 2 },
      { stream: "s:multi-a", seq: 3 },
      { stream: "s:multi-b", seq: 1 },
    ]);
    const items = (await received) as BusEvent[];
    expect(items.map((e) => [e.seq, e.payload.n])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    // A failing transaction keeps neither the write nor the events.
    await tdb.db
      .transaction(async (tx) => {
        await publishEvents(
          tx,
          [{ stream: "s:multi-b", type: "test", payload: {} }],
          [write("multi-two")],
        );
        throw new Error("rollback");
      })
      .catch(() => undefined);
    const hubs = await tdb.db.execute<{ slug: string }>(
      sql`select slug from hubs where slug like 'multi-%' order by slug`,
    );
    const rows = (Array.isArray(hubs) ? hubs : (hubs as { rows: { slug: string }[] }).rows) as {
      slug: string;
    }[];
    expect(rows.map((r) => r.slug)).toEqual(["multi-one"]);
    expect(await bus.headOf("s:multi-b")).toBe(1);
  });

  it("numbers concurrent writers' events in commit order, with no gaps", async () => {
    const controller = new AbortController();
    const received = take(
      bus.subscribe("s:many", { after: 0, signal: controller.signal }),
      200,
      controller,
      30_000,
    );
    await Promise.all(
      Array.from({ length: 4 }, async (_, writer) => {
        for (let i = 0; i < 50; i++) await publish("s:many", writer * 1000 + i);
      }),
    );
    const items = (await received) as BusEvent[];
    expect(seqs(items)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Each writer's events keep their own order.
    for (let writer = 0; writer < 4; writer++) {
      const mine = items
        .map((e) => e.payload.n as number)
        .filter((n) => Math.floor(n / 1000) === writer);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
  });

  it("serves many subscribers of one stream from one read, and passes live signals", async () => {
    const controllers = Array.from({ length: 50 }, () => new AbortController());
    const subscriptions = await liveSubscriptions(bus, "s:fan", controllers);
    const all = subscriptions.map((s, i) => take(s, 3, controllers[i]!));
    expect(all).toHaveLength(50);
    await publishSignal(tdb.db, { stream: "s:fan", type: "typing", payload: { userId: "u1" } });
    await publish("s:fan", 1);
    await publish("s:fan", 2);
    for (const items of await Promise.all(all)) {
      expect(items.map((i) => (i.kind === "signal" ? i.type : i.seq))).toEqual(["typing", 1, 2]);
    }
  });

  it("tells listeners after commit, from savepoints too, and catches up on a lost notification by checking heads", async () => {
    const polled = new RealtimeBus(tdb, 200);
    try {
      const controller = new AbortController();
      const received = take(await liveSubscription(polled, "s:lost", controller), 3, controller);
      // A root transaction: the NOTIFY goes out after the commit.
      await publish("s:lost", 1);
      // A savepoint: the NOTIFY rides in the statement, delivered at the outer commit.
      await tdb.db.transaction((tx) =>
        tx.transaction((inner) =>
          publishEvent(inner, { stream: "s:lost", type: "test", payload: { n: 2 } }),
        ),
      );
      // Written with no notification at all (as if the writer died right after its commit).
      await tdb.db.execute(sql`
        with h as (update realtime_streams set last_seq = last_seq + 1 where stream = 's:lost'
          returning last_seq)
        insert into realtime_events (stream, seq, type, payload)
        select 's:lost', h.last_seq, 'test', '{"n": 3}'::jsonb from h`);
      const items = (await received) as BusEvent[];
      expect(items.map((e) => e.payload.n)).toEqual([1, 2, 3]);
      expect(seqs(items)).toEqual([1, 2, 3]);
    } finally {
      await polled.stop();
    }
  });

  it("ends a waiting subscription on return() or abort, releasing it and calling onEnd once", async () => {
    const ended: string[] = [];
    const before = bus.stats().subscribers;
    const first = bus.subscribe("s:end", { onEnd: () => ended.push("first") });
    const controller = new AbortController();
    const second = bus.subscribe("s:end", {
      signal: controller.signal,
      onEnd: () => ended.push("second"),
    });
    expect(bus.stats().subscribers).toBe(before + 2);
    // Both wait for news; one is ended by return(), the other by its signal.
    const waiting = [first.next(), second.next()];
    await new Promise((r) => setTimeout(r, 100));
    await first.return();
    controller.abort();
    expect(await Promise.all(waiting)).toEqual([
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
    // Ended for good: later calls and later events change nothing.
    await first.return();
    await publish("s:end", 1);
    expect(await first.next()).toEqual({ done: true, value: undefined });
    expect(ended).toEqual(["first", "second"]);
    expect(bus.stats().subscribers).toBe(before);
  });

  it("works across copies of its modules (Next bundles each runtime apart): after-commit hooks, and commits reach the bus in process, without a read or a NOTIFY", async () => {
    // tdb.db was opened, and the bus attached, by this file's copies of @guildhall/db and
    // the realtime modules; the route that writes may hold other copies.
    vi.resetModules();
    const db = await import("@guildhall/db");
    const realtime = await import("../src/realtime/publish");
    expect(realtime.publishEvent).not.toBe(publishEvent);
    const hooks: string[] = [];
    await tdb.db.transaction((tx) => {
      expect(db.afterCommit(tx, () => hooks.push("committed"))).toBe(tdb.db);
      expect(hooks).toEqual([]);
      return Promise.resolve();
    });
    expect(hooks).toEqual(["committed"]);

    const notified: string[] = [];
    const unlisten = await tdb.pglite?.listen("gh_events", (payload) => notified.push(payload));
    const controller = new AbortController();
    const received = take(await liveSubscription(bus, "s:copies", controller), 2, controller);
    for (const n of [1, 2])
      await tdb.db.transaction((tx) =>
        realtime.publishEvent(tx, { stream: "s:copies", type: "test", payload: { n } }),
      );
    const live = await received;
    expect(seqs(live)).toEqual([1, 2]);
    // Handed over in process, as a reader of the table would see them.
    expect(live).toEqual(await bus.readAfter("s:copies", 0, 10));
    // On the embedded database this process is the only reader: no NOTIFY at all.
    expect(notified).toEqual([]);
    await unlisten?.();
  });

  it("carries events between two instances (separate connections) on Postgres", async (context) => {
    if (!tdb.url) return context.skip();
    const other: DatabaseHandle = await createDatabase({ url: tdb.url });
    const otherBus = new RealtimeBus(other);
    try {
      const controller = new AbortController();
      const received = take(await liveSubscription(otherBus, "s:cross", controller), 3, controller);
      for (let n = 1; n <= 3; n++) await publish("s:cross", n);
      expect(seqs(await received)).toEqual([1, 2, 3]);
    } finally {
      await otherBus.stop();
      await other.close();
    }
  });
});
