/**
 * `pnpm bench`: runs every benchmark one after another, also after one misses
 * its targets (a miss must not hide the figures of the rest), then prints each
 * one's verdict from bench-results/<name>.json and exits with the worst code
 * (1 a target missed or a run aborted, 2 partial, 0 every target met).
 * `pnpm bench -- chats tickets` runs only those; the others count as not run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface Bench {
  name: string;
  file: string;
  /** The result files it writes (bench-results/<result>.json). */
  results: string[];
  env?: Record<string, string>;
  exposeGc?: boolean;
}

const benches: Bench[] = [
  { name: "http", file: "http.bench.ts", results: ["http"] },
  { name: "markdown", file: "markdown.bench.ts", results: ["markdown"] },
  { name: "identity", file: "identity.bench.ts", results: ["identity"] },
  {
    name: "hubs",
    file: "hubs.bench.ts",
    results: ["hubs"],
    env: { RATE_LIMIT_WHITELIST: "10.9.9.9" },
  },
  { name: "chats", file: "chats.bench.ts", results: ["chats"] },
  {
    name: "subscription-memory",
    file: "subscription-memory.bench.ts",
    results: ["subscription-memory"],
    env: { RATE_LIMIT_WHITELIST: "10.9.9.9", STREAMS_PER_USER: "10000" },
    exposeGc: true,
  },
  {
    name: "tickets",
    file: "tickets.bench.ts",
    results: ["tickets"],
    env: { RATE_LIMIT_WHITELIST: "10.9.9.9" },
  },
  { name: "ws-fan-out", file: "ws-fan-out.bench.ts", results: ["ws-fan-out"] },
  { name: "ws-idle-memory", file: "ws-idle-memory.bench.ts", results: ["ws-idle-memory"] },
];

const here = import.meta.dirname;
const resultsDir = join(here, "..", "bench-results");
const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = wanted.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}`);
  process.exit(1);
}

const verdictOf = (result: string, since: number): string => {
  const file = join(resultsDir, `${result}.json`);
  if (!existsSync(file) || statSync(file).mtimeMs < since) return "no result written";
  const saved = JSON.parse(readFileSync(file, "utf8")) as { verdict?: string };
  return saved.verdict ?? "no verdict";
};

const rows: { name: string; code: number | null; verdicts: string[]; seconds: number }[] = [];
for (const bench of benches) {
  if (wanted.length && !wanted.includes(bench.name)) {
    rows.push({ name: bench.name, code: null, verdicts: ["not run"], seconds: 0 });
    continue;
  }
  console.log(`\n=== bench ${bench.name} ===`);
  const started = Date.now();
  const args = [
    ...(bench.exposeGc ? ["--expose-gc"] : []),
    "--import",
    "tsx",
    join(here, bench.file),
  ];
  const run = spawnSync(process.execPath, args, {
    stdio: "inherit",
    cwd: join(here, ".."),
    // eslint-disable-next-line no-restricted-properties -- each bench gets the caller's settings (REDIS_URL, DATABASE_URL)
    env: { ...process.env, ...bench.env },
  });
  const code = run.status ?? 1;
  const verdicts = bench.results.map((result) => verdictOf(result, started - 1000));
  rows.push({
    name: bench.name,
    code,
    verdicts,
    seconds: Math.round((Date.now() - started) / 1000),
  });
}

console.log("\nbenchmark               exit  verdict        seconds");
for (const row of rows)
  console.log(
    `${row.name.padEnd(24)}${String(row.code ?? "-").padEnd(6)}${row.verdicts.join(", ").padEnd(15)}${row.seconds}`,
  );
const codes = rows.map((row) => (row.code === null ? 2 : row.code));
const worst = codes.includes(1) || codes.some((code) => code > 2) ? 1 : codes.includes(2) ? 2 : 0;
console.log(
  worst === 0
    ? "\nall benchmarks: targets met"
    : worst === 1
      ? "\nbenchmarks: TARGETS MISSED or a run aborted (see above)"
      : "\nbenchmarks: PARTIAL (not every benchmark ran at full size)",
);
process.exit(worst);
