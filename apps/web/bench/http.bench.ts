/**
 * `pnpm bench`: serves the production build and measures, interleaved in one
 * run, the same health JSON from
 *   - a tRPC query           GET /api/trpc/system.health
 *   - a plain route handler  GET /api/health
 *   - a bare Node server     GET /health
 * and prints requests/s, p50, p99 and the ratios against the route handler.
 * Targets (issue 2): tRPC >= 0.5x the route's requests/s, tRPC p99 <= 2x.
 */
import autocannon from "autocannon";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnNextServer, spawnNode, waitUntilUp } from "../scripts/next-server";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const connections = 10;
const nextPort = 3301;
const barePort = 3302;

const targets = {
  trpc: `http://127.0.0.1:${nextPort}/api/trpc/system.health`,
  route: `http://127.0.0.1:${nextPort}/api/health`,
  bare: `http://127.0.0.1:${barePort}/health`,
} as const;
type Target = keyof typeof targets;

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(url: string, duration: number): Promise<Sample> {
  const result = await autocannon({ url, connections, duration });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), "gh-bench-"));
const next = spawnNextServer(nextPort, { PGLITE_DATA_DIR: dataDir }, "ignore");
const bare = spawnNode(["--import", "tsx", "bench/bare-server.ts", String(barePort)], {}, "ignore");

try {
  await Promise.all([waitUntilUp(targets.route, next), waitUntilUp(targets.bare, bare)]);
  for (const url of Object.values(targets)) await measure(url, 2); // warm-up (JIT, caches)
  const samples: Record<Target, Sample[]> = { trpc: [], route: [], bare: [] };
  const order: Target[] = ["trpc", "route", "bare"];
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so drift on a noisy machine hits every target alike.
    for (const target of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
      samples[target].push(await measure(targets[target], seconds));
    }
  }
  const summary = Object.fromEntries(
    (Object.keys(samples) as Target[]).map((t) => [
      t,
      {
        rps: Math.round(median(samples[t].map((s) => s.rps))),
        p50: median(samples[t].map((s) => s.p50)),
        p99: median(samples[t].map((s) => s.p99)),
        errors: samples[t].reduce((n, s) => n + s.errors, 0),
      },
    ]),
  ) as Record<Target, Sample>;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const ratios = {
    trpcVsRouteRps: ratio(summary.trpc.rps, summary.route.rps),
    trpcVsRouteP99: ratio(summary.trpc.p99, summary.route.p99),
    routeVsBareRps: ratio(summary.route.rps, summary.bare.rps),
    trpcVsBareRps: ratio(summary.trpc.rps, summary.bare.rps),
  };
  console.log(
    `\nHTTP benchmark: ${rounds} interleaved rounds x ${seconds} s, ${connections} connections\n`,
  );
  console.log("target                      req/s     p50 ms   p99 ms   errors");
  for (const [name, s] of Object.entries(summary)) {
    console.log(
      `${name.padEnd(24)}${String(s.rps).padStart(9)}${String(s.p50).padStart(11)}${String(s.p99).padStart(9)}${String(s.errors).padStart(9)}`,
    );
  }
  console.log(
    `\ntRPC / route handler: ${ratios.trpcVsRouteRps}x req/s (target >= 0.5), ${ratios.trpcVsRouteP99}x p99 (target <= 2)`,
  );
  console.log(
    `route handler / bare Node: ${ratios.routeVsBareRps}x req/s; tRPC / bare Node: ${ratios.trpcVsBareRps}x req/s`,
  );
  const pass = ratios.trpcVsRouteRps >= 0.5 && ratios.trpcVsRouteP99 <= 2;
  console.log(pass ? "targets met" : "TARGETS MISSED");
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/http.json",
    JSON.stringify(
      { date: new Date().toISOString(), rounds, seconds, connections, summary, ratios, pass },
      null,
      2,
    ),
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  next.kill("SIGTERM");
  bare.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
