/**
 * Hub benchmarks (issue 4), in process against a real database:
 *  1. Permission check cost: an authed hub-scoped query with the permission
 *     middleware keeps >= 0.8x the throughput of the same query without it.
 *  2. The member list of a hub with 100,000 members, searched and paged:
 *     p99 <= 50 ms on Postgres (a fresh database on the local server, or on
 *     DATABASE_URL's server), next to a `select 1` round trip as the baseline.
 *     Every timed page must be full (50 members): a short page times less work.
 */
import {
  createCallerFactory,
  createContext,
  hubProcedure,
  permissionProcedure,
  router,
} from "@guildhall/api";
import { getEnv } from "@guildhall/core/env";
import { createHub } from "@guildhall/core/hubs";
import { listMembers } from "@guildhall/core/members";
import { createUser } from "@guildhall/core/users";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { accessTokenPrincipal } from "@guildhall/core/testing/principal";
import { concludeBench, openBenchDatabase, percentile, ratio, reducedBy, sanityCheck } from "./lib";

const MEMBERS = Number(process.argv[2] ?? 100_000);
// LOG_LEVEL=trace keeps the database (gh_bench_keep) for a look afterwards.
const keep = getEnv().LOG_LEVEL === "trace";

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

const { handle, drop } = await openBenchDatabase(keep ? "gh_bench_keep" : undefined, { keep });
try {
  const db = handle.db;
  const owner = await createUser(db, { username: "benchowner" });
  const hub = await db.transaction((tx) =>
    createHub(tx, { slug: "bench", name: "Bench", ownerId: owner.id }),
  );

  // 100,000 members with pseudo-random usernames (hex), all holding the member role.
  const seedStart = performance.now();
  await db.execute(sql`
    insert into users (id, username, created_at, updated_at)
    select gen_random_uuid(), 'm' || substr(md5(i::text), 1, 12), now(), now()
    from generate_series(1, ${MEMBERS}) as i`);
  await db.execute(sql`
    insert into hub_memberships (id, hub_id, user_id, joined_at, created_at, updated_at)
    select gen_random_uuid(), ${hub.id}, id, now(), now(), now() from users where username like 'm%'`);
  await db.execute(sql`
    insert into hub_member_roles (hub_id, user_id, role_id)
    select ${hub.id}, u.id, r.id from users u
    join hub_roles r on r.hub_id = ${hub.id} and r.key = 'member'
    where u.username like 'm%'`);
  await db.execute(sql`analyze`);
  console.log(`seeded ${MEMBERS} members in ${Math.round(performance.now() - seedStart)} ms`);

  // --- 1. permission middleware cost ------------------------------------------------
  const benchRouter = router({
    plain: hubProcedure.input(z.object({ hubSlug: z.string() })).query(({ ctx }) => ctx.hub.id),
    guarded: permissionProcedure("member.read")
      .input(z.object({ hubSlug: z.string() }))
      .query(({ ctx }) => ctx.hub.id),
  });
  const principal = accessTokenPrincipal(owner);
  // The bench address is whitelisted (RATE_LIMIT_WHITELIST in the bench script).
  const caller = createCallerFactory(benchRouter)(
    createContext({
      db,
      dbKind: handle.kind,
      headers: new Headers(),
      peer: "10.9.9.9",
      principal,
    }),
  );
  const calls = 1500;
  await timed(200, () => caller.plain({ hubSlug: "bench" }));
  await timed(200, () => caller.guarded({ hubSlug: "bench" }));
  const plain: number[] = [];
  const guarded: number[] = [];
  // Interleaved rounds, so machine noise hits both sides alike.
  for (let round = 0; round < 6; round++) {
    plain.push(...(await timed(calls / 6, () => caller.plain({ hubSlug: "bench" }))));
    guarded.push(...(await timed(calls / 6, () => caller.guarded({ hubSlug: "bench" }))));
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const throughput = ratio(
    (plain.length / sum(guarded)) * 1000,
    (plain.length / sum(plain)) * 1000,
  );

  // --- 2. member list at 100,000 members ---------------------------------------------
  const baseline = await timed(300, () => db.execute(sql`select 1`));
  const full = (what: string, page: { items: unknown[] }) =>
    sanityCheck("hubs", page.items.length === 50, `${what}: ${page.items.length} of 50 members`);
  const firstPage = await timed(300, async () =>
    full("first page", await listMembers(db, hub.id, { limit: 50 })),
  );
  const deep: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 300; page++) {
    const start = performance.now();
    const result = await listMembers(db, hub.id, { limit: 50, cursor });
    deep.push(performance.now() - start);
    full(`page ${page + 1}`, result);
    cursor = result.nextCursor ?? undefined;
  }
  const hex = "0123456789abcdef";
  // Searches by a 2-character prefix (about 390 of 100,000 match), then their second page.
  const search: number[] = [];
  const searchNext: number[] = [];
  for (let i = 0; i < 300; i++) {
    const prefix = `m${hex[i % 16]}${hex[((i * 7 + i / 16) % 16) | 0]}`;
    let start = performance.now();
    const first = await listMembers(db, hub.id, { query: prefix, limit: 50 });
    search.push(performance.now() - start);
    full(`search ${prefix}`, first);
    sanityCheck("hubs", first.nextCursor, `search ${prefix}: no second page`);
    start = performance.now();
    const second = await listMembers(db, hub.id, {
      query: prefix,
      limit: 50,
      cursor: first.nextCursor,
    });
    searchNext.push(performance.now() - start);
    full(`search ${prefix}, page 2`, second);
  }

  const rows = {
    "select 1 (baseline)": baseline,
    "hub query, no permission": plain,
    "hub query + permission": guarded,
    "members: first page": firstPage,
    "members: pages 1-300": deep,
    "members: search": search,
    "members: search, page 2": searchNext,
  };
  console.log(`\nHub benchmark on ${handle.kind}, ${MEMBERS} members\n`);
  console.log("target                          p50 ms   p99 ms   x baseline p99");
  const baseP99 = percentile(baseline, 99);
  for (const [label, times] of Object.entries(rows)) {
    const p99 = percentile(times, 99);
    console.log(
      `${label.padEnd(30)}${String(percentile(times, 50)).padStart(8)}${String(p99).padStart(9)}${String(ratio(p99, baseP99)).padStart(12)}`,
    );
  }
  const worstListP99 = Math.max(
    percentile(firstPage, 99),
    percentile(deep, 99),
    percentile(search, 99),
    percentile(searchNext, 99),
  );
  console.log(`\npermission middleware: ${throughput}x throughput (target >= 0.8)`);
  console.log(`member list worst p99: ${worstListP99} ms (target <= 50 on Postgres)`);
  concludeBench(
    "hubs",
    [
      { name: "permission middleware throughput", value: throughput, atLeast: 0.8, unit: "x" },
      { name: "member list worst p99", value: worstListP99, atMost: 50, unit: " ms" },
    ],
    {
      members: MEMBERS,
      database: handle.kind,
      throughput,
      worstListP99,
      p99: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, percentile(v, 99)])),
    },
    { reduced: reducedBy({ members: [MEMBERS, 100_000] }) },
  );
} finally {
  await drop();
}
