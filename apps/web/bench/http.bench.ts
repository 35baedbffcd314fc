/**
 * `pnpm bench`: serves the production build on our Node server
 * (src/server/node/main.ts) and measures, interleaved in one run:
 *   - a tRPC query            GET /api/trpc/system.health  (our handler)
 *   - the REST endpoint       GET /api/v1/health           (our handler, trpc-to-openapi)
 *   - a Next route handler    GET /api/health              (informative)
 *   - a bare Node server      GET /health                  (the baseline: same getHealth)
 *   - a page                  GET /sign-in on our server, and on `next start`
 *                             of the same build (each on its own database)
 * and prints requests/s, p50, p99 and the ratios against bare Node.
 * Targets (issue 17): tRPC >= 0.5x bare Node's requests/s, REST >= 0.4x,
 * tRPC p99 <= 1.5x bare Node's; the page on our server no slower than on
 * `next start` (>= 1.0x its requests/s).
 *
 * `tsx bench/http.bench.ts [rounds=3] [seconds=5]`
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnNode, waitUntilUp } from "../scripts/web-server";
import {
  concludeBench,
  measure,
  printTable,
  ratio,
  reducedBy,
  sanityCheck,
  startBenchServer,
  stopProcess,
  summarize,
  type Sample,
} from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const connections = 10;
const barePort = 3302;
const nextStartPort = 3303;

// Whitelisted: this measures the stack, not the (separately benchmarked) rate limiter.
const whitelist = { RATE_LIMIT_WHITELIST: "127.0.0.1" };
const ours = await startBenchServer(3301, whitelist);
const bare = spawnNode(["--import", "tsx", "bench/bare-server.ts", String(barePort)], {}, "ignore");
// The same build under `next start` (no instrumentation hook: its database opens lazily), on its own data.
const nextStartData = mkdtempSync(join(tmpdir(), "gh-bench-next-"));
const nextStart = spawnNode(
  ["node_modules/next/dist/bin/next", "start", "-p", String(nextStartPort), "-H", "127.0.0.1"],
  { PGLITE_DATA_DIR: nextStartData, TRUSTED_PROXIES: "loopback", ...whitelist },
  "ignore",
);
const nextStartUrl = `http://127.0.0.1:${nextStartPort}`;
const targets = {
  trpc: `${ours.url}/api/trpc/system.health`,
  rest: `${ours.url}/api/v1/health`,
  route: `${ours.url}/api/health`,
  bare: `http://127.0.0.1:${barePort}/health`,
  page: `${ours.url}/sign-in`,
  pageNextStart: `${nextStartUrl}/sign-in`,
} as const;
type Target = keyof typeof targets;
const pages: Target[] = ["page", "pageNextStart"];

try {
  await waitUntilUp(targets.bare, bare);
  await waitUntilUp(`${nextStartUrl}/api/health`, nextStart);
  for (const [target, url] of Object.entries(targets) as [Target, string][]) {
    const response = await fetch(url);
    const body = await response.text();
    sanityCheck("http", response.ok, `${target} answers ${response.status}`);
    // Whitelisted: the limiter must not count (it would answer X-RateLimit-* headers).
    sanityCheck(
      "http",
      !response.headers.has("x-ratelimit-remaining"),
      `${target} is rate limited: the bench would measure the limiter`,
    );
    // A page must be the whole page (its heading rendered), not an error page that answered 200.
    if (pages.includes(target))
      sanityCheck("http", body.includes('data-testid="page-heading"'), `${target} is not the page`);
  }
  for (const url of Object.values(targets)) await measure({ url, connections, seconds: 2 }); // warm-up
  const samples = Object.fromEntries(Object.keys(targets).map((t) => [t, []])) as unknown as Record<
    Target,
    Sample[]
  >;
  const order = Object.keys(targets) as Target[];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round, and reverse it every other round, so drift
    // on a noisy machine hits every target alike (and each page pair runs in both orders).
    const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
    for (const target of round % 2 ? rotated.reverse() : rotated) {
      samples[target].push(await measure({ url: targets[target], connections, seconds }));
    }
  }
  const summary = Object.fromEntries(
    order.map((target) => [target, summarize(samples[target])]),
  ) as Record<Target, Sample>;
  const ratios = {
    trpcVsBareRps: ratio(summary.trpc.rps, summary.bare.rps),
    restVsBareRps: ratio(summary.rest.rps, summary.bare.rps),
    trpcVsBareP99: ratio(summary.trpc.p99, summary.bare.p99),
    routeVsBareRps: ratio(summary.route.rps, summary.bare.rps),
    trpcVsRouteRps: ratio(summary.trpc.rps, summary.route.rps),
    pageVsNextStartRps: ratio(summary.page.rps, summary.pageNextStart.rps),
    pageVsNextStartP99: ratio(summary.page.p99, summary.pageNextStart.p99),
  };
  // The page ratio of each round on its own: how far noise moves it.
  const pageRounds = samples.page.map((s, i) => ratio(s.rps, samples.pageNextStart[i]!.rps));
  console.log(
    `\nHTTP benchmark: ${rounds} interleaved rounds x ${seconds} s, ${connections} connections\n`,
  );
  printTable({
    "tRPC /api/trpc": summary.trpc,
    "REST /api/v1/health": summary.rest,
    "route handler /api/health": summary.route,
    "bare Node": summary.bare,
    "page /sign-in (ours)": summary.page,
    "page /sign-in (next start)": summary.pageNextStart,
  });
  console.log(
    `\ntRPC / bare Node: ${ratios.trpcVsBareRps}x req/s (target >= 0.5), ${ratios.trpcVsBareP99}x p99 (target <= 1.5)`,
  );
  console.log(`REST / bare Node: ${ratios.restVsBareRps}x req/s (target >= 0.4)`);
  console.log(
    `route handler / bare Node: ${ratios.routeVsBareRps}x req/s; tRPC / route handler: ${ratios.trpcVsRouteRps}x req/s (informative)`,
  );
  console.log(
    `page, ours / next start: ${ratios.pageVsNextStartRps}x req/s (target >= 1.0; per round ${pageRounds.join(", ")}), ${ratios.pageVsNextStartP99}x p99`,
  );
  const errors = Object.values(summary).reduce((n, s) => n + s.errors, 0);
  concludeBench(
    "http",
    [
      // Errors (non-2xx) would make the figures meaningless.
      { name: "errors (non-2xx)", value: errors, atMost: 0 },
      { name: "tRPC / bare Node req/s", value: ratios.trpcVsBareRps, atLeast: 0.5, unit: "x" },
      { name: "REST / bare Node req/s", value: ratios.restVsBareRps, atLeast: 0.4, unit: "x" },
      { name: "tRPC / bare Node p99", value: ratios.trpcVsBareP99, atMost: 1.5, unit: "x" },
      {
        name: "page req/s, ours / next start",
        value: ratios.pageVsNextStartRps,
        atLeast: 1,
        unit: "x",
      },
    ],
    { rounds, seconds, connections, summary, ratios, pageRounds },
    { reduced: reducedBy({ rounds: [rounds, 3], seconds: [seconds, 5] }) },
  );
} finally {
  bare.kill("SIGTERM");
  await stopProcess(nextStart);
  rmSync(nextStartData, { recursive: true, force: true });
  await ours.stop();
}
