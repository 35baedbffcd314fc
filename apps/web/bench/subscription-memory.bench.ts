/**
 * Subscription memory (issue 5), in process on Postgres (DATABASE_URL's
 * server, else the local one), on a throwaway database; run with
 * `node --expose-gc --import tsx`:
 *  1. Heap per idle `tickets.watch` subscription (1,000 open, each past its
 *     "ready"): target <= 75 KB. Baseline in the same run: 1,000 bare bus
 *     subscriptions to the same stream (what the bus alone keeps per subscriber).
 *  2. 10 cycles of 1,000 subscribe / abort: heap within 10% of the start, and
 *     nothing left behind (bus streams and subscribers, presence entries).
 * Sanity: while measured, the bus really holds every subscription (its
 * subscriber count), so the heap figures are of open subscriptions.
 */
import { createHub } from "@guildhall/core/hubs";
import { busFor, presenceCount } from "@guildhall/core/realtime";
import { createUser } from "@guildhall/core/users";
import { createCaller, createContext } from "@guildhall/api";
import { schema } from "@guildhall/db";
import { accessTokenPrincipal } from "@guildhall/core/testing/principal";
import { concludeBench, openBenchDatabase, ratio, reducedBy, sanityCheck } from "./lib";

const COUNT = Number(process.argv[2] ?? 1000);
const CYCLES = Number(process.argv[3] ?? 10);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

async function heap() {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 20));
  }
  return process.memoryUsage().heapUsed;
}
const kb = (bytes: number) => Math.round(bytes / 1024);

const { handle, drop } = await openBenchDatabase(`gh_bench_m${Date.now()}`);
const bus = busFor(handle);
try {
  const db = handle.db;
  const owner = await createUser(db, { username: "benchowner" });
  const hub = await db.transaction((tx) =>
    createHub(tx, { slug: "bench", name: "Bench", ownerId: owner.id }),
  );
  const [ticket] = await db
    .insert(schema.tickets)
    .values({
      hubId: hub.id,
      number: 1,
      subject: "Memory",
      description: "Idle subscribers.",
      category: "Support",
      createdBy: owner.id,
    })
    .returning({ id: schema.tickets.id });
  const principal = accessTokenPrincipal(owner);
  await bus.start();

  /** Opens `count` subscriptions and resolves once each has said "ready". */
  async function openWatchers(count: number) {
    const stops: AbortController[] = [];
    const ends: Promise<void>[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const stop = new AbortController();
      const ctx = createContext({
        db,
        dbKind: handle.kind,
        principal,
        // Whitelisted below: the bench subscribes more often than the global limit allows.
        headers: new Headers(),
        peer: "10.9.9.9",
        bus,
      });
      const caller = createCaller(ctx, { signal: stop.signal });
      const stream = await caller.tickets.watch({ hubSlug: "bench", ticketId: ticket!.id });
      let said: () => void = () => undefined;
      ready.push(new Promise<void>((resolve) => (said = resolve)));
      ends.push(
        (async () => {
          for await (const item of stream as AsyncIterable<unknown>) {
            if ((item as { type?: string }).type === "ready") said();
          }
        })().catch(() => undefined),
      );
      stops.push(stop);
    }
    await Promise.all(ready);
    return {
      close: async () => {
        for (const stop of stops) stop.abort();
        await Promise.all(ends);
      },
    };
  }

  // --- 1. heap per idle subscription --------------------------------------------------
  const bareStart = await heap();
  const bareStops = Array.from({ length: COUNT }, () => new AbortController());
  const bareEnds = bareStops.map((stop) =>
    (async () => {
      for await (const _ of bus.subscribe(`ticket:${ticket!.id}`, { signal: stop.signal })) {
        // idle
      }
    })(),
  );
  await new Promise((r) => setTimeout(r, 200));
  const bareOpen = await heap();
  sanityCheck(
    "subscription-memory",
    bus.stats().subscribers >= COUNT,
    `${bus.stats().subscribers} of ${COUNT} bare bus subscriptions open`,
  );
  bareStops.forEach((stop) => stop.abort());
  await Promise.all(bareEnds);
  const barePer = (bareOpen - bareStart) / COUNT;

  await openWatchers(10).then((w) => w.close()); // warm up code paths and caches
  const start = await heap();
  const watchers = await openWatchers(COUNT);
  const open = await heap();
  sanityCheck(
    "subscription-memory",
    bus.stats().subscribers >= COUNT,
    `${bus.stats().subscribers} of ${COUNT} tickets.watch subscriptions open on the bus`,
  );
  const per = (open - start) / COUNT;
  await watchers.close();
  console.log(`\nIdle subscriptions: ${COUNT} open`);
  console.log("subscriber                       KB each   vs bare bus");
  console.log(
    `bare bus subscription (baseline)${String(kb(barePer)).padStart(9)}${"1".padStart(13)}x`,
  );
  console.log(
    `tickets.watch (tRPC caller)     ${String(kb(per)).padStart(9)}${String(ratio(per, barePer)).padStart(13)}x`,
  );
  console.log(`heap per idle subscription: ${kb(per)} KB (target <= 75)`);

  // --- 2. subscribe / abort cycles ------------------------------------------------------
  const before = await heap();
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const batch = await openWatchers(COUNT);
    await batch.close();
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = await heap();
  const growth = (after - before) / before;
  const left = { ...bus.stats(), presence: presenceCount() };
  console.log(
    `\n${CYCLES} cycles of ${COUNT} subscribe/abort: heap ${kb(before)} KB -> ${kb(after)} KB (${Math.round(growth * 1000) / 10}%, target within 10%)`,
  );
  console.log(
    `left behind: ${left.streams} bus streams, ${left.subscribers} bus subscribers, ${left.presence} presence entries (target 0)`,
  );
  const leftBehind = left.streams + left.subscribers + left.presence;
  concludeBench(
    "subscription-memory",
    [
      { name: "heap per idle subscription", value: kb(per), atMost: 75, unit: " KB" },
      {
        name: "heap change after cycles",
        value: Math.round(Math.abs(growth) * 1000) / 10,
        atMost: 10,
        unit: "%",
      },
      { name: "left behind", value: leftBehind, atMost: 0 },
    ],
    {
      count: COUNT,
      cycles: CYCLES,
      perSubscriptionKb: kb(per),
      bareBusKb: kb(barePer),
      heapBeforeKb: kb(before),
      heapAfterKb: kb(after),
      left,
    },
    { reduced: reducedBy({ subscriptions: [COUNT, 1000], cycles: [CYCLES, 10] }) },
  );
} finally {
  await bus.stop();
  await drop();
}
