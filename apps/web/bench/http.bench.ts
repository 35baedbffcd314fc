/**
 * `pnpm bench`: serves the production build and measures, interleaved in one
 * run, the same health JSON from
 *   - a tRPC query           GET /api/trpc/system.health
 *   - a plain route handler  GET /api/health
 *   - a bare Node server     GET /health
 * and prints requests/s, p50, p99 and the ratios against the route handler.
 * Targets (issue 2): tRPC >= 0.5x the route's requests/s, tRPC p99 <= 2x.
 */
import { spawnNode, waitUntilUp } from "../scripts/next-server";
import {
  concludeBench,
  measure,
  printTable,
  ratio,
  reducedBy,
  sanityCheck,
  startBenchServer,
  summarize,
  type Sample,
} from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const connections = 10;
const barePort = 3302;

// Whitelisted: this measures the stack, not the (separately benchmarked) rate limiter.
const next = await startBenchServer(3301, { RATE_LIMIT_WHITELIST: "127.0.0.1" });
const bare = spawnNode(["--import", "tsx", "bench/bare-server.ts", String(barePort)], {}, "ignore");
const targets = {
  trpc: `${next.url}/api/trpc/system.health`,
  route: `${next.url}/api/health`,
  bare: `http://127.0.0.1:${barePort}/health`,
} as const;
type Target = keyof typeof targets;

try {
  await waitUntilUp(targets.bare, bare);
  for (const [target, url] of Object.entries(targets)) {
    const response = await fetch(url);
    sanityCheck("http", response.ok, `${target} answers ${response.status}`);
    // Whitelisted: the limiter must not count (it would answer X-RateLimit-* headers).
    sanityCheck(
      "http",
      !response.headers.has("x-ratelimit-remaining"),
      `${target} is rate limited: the bench would measure the limiter`,
    );
  }
  for (const url of Object.values(targets)) await measure({ url, connections, seconds: 2 }); // warm-up
  const samples: Record<Target, Sample[]> = { trpc: [], route: [], bare: [] };
  const order: Target[] = ["trpc", "route", "bare"];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so drift on a noisy machine hits every target alike.
    for (const target of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
      samples[target].push(await measure({ url: targets[target], connections, seconds }));
    }
  }
  const summary = {
    trpc: summarize(samples.trpc),
    route: summarize(samples.route),
    bare: summarize(samples.bare),
  };
  const ratios = {
    trpcVsRouteRps: ratio(summary.trpc.rps, summary.route.rps),
    trpcVsRouteP99: ratio(summary.trpc.p99, summary.route.p99),
    routeVsBareRps: ratio(summary.route.rps, summary.bare.rps),
    trpcVsBareRps: ratio(summary.trpc.rps, summary.bare.rps),
  };
  console.log(
    `\nHTTP benchmark: ${rounds} interleaved rounds x ${seconds} s, ${connections} connections\n`,
  );
  printTable(summary);
  console.log(
    `\ntRPC / route handler: ${ratios.trpcVsRouteRps}x req/s (target >= 0.5), ${ratios.trpcVsRouteP99}x p99 (target <= 2)`,
  );
  console.log(
    `route handler / bare Node: ${ratios.routeVsBareRps}x req/s; tRPC / bare Node: ${ratios.trpcVsBareRps}x req/s`,
  );
  const errors = Object.values(summary).reduce((n, s) => n + s.errors, 0);
  concludeBench(
    "http",
    [
      // Errors (non-2xx) would make the figures meaningless.
      { name: "errors (non-2xx)", value: errors, atMost: 0 },
      { name: "tRPC / route req/s", value: ratios.trpcVsRouteRps, atLeast: 0.5, unit: "x" },
      { name: "tRPC / route p99", value: ratios.trpcVsRouteP99, atMost: 2, unit: "x" },
    ],
    { rounds, seconds, connections, summary, ratios },
    { reduced: reducedBy({ rounds: [rounds, 3], seconds: [seconds, 5] }) },
  );
} finally {
  bare.kill("SIGTERM");
  await next.stop();
}
