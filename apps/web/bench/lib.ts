/** Shared pieces of the benchmarks: autocannon runs, medians, servers on throwaway data. */
import { getEnv } from "@guildhall/core/env";
import { createDatabase, migrateDatabase, type DatabaseHandle } from "@guildhall/db";
import autocannon from "autocannon";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { spawnWebServer, waitUntilUp } from "../scripts/web-server";

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface Load {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export async function measure(load: Load): Promise<Sample> {
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    method: load.method ?? "GET",
    headers: load.headers,
    body: load.body,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The median; of an even number of values, the mean of the middle two. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: Sample[]): Sample {
  return {
    rps: Math.round(median(samples.map((s) => s.rps))),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    errors: samples.reduce((n, s) => n + s.errors, 0),
  };
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * The production build on its own fresh embedded database; `stop` removes it.
 * The benches stand in for a reverse proxy on loopback, so the X-Forwarded-For
 * they send (one client address per simulated client) is believed.
 */
export async function startBenchServer(port: number, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "gh-bench-"));
  const child = spawnWebServer(
    port,
    { PGLITE_DATA_DIR: dataDir, TRUSTED_PROXIES: "loopback", ...env },
    "ignore",
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/api/health`, child);
  return {
    url,
    child,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * SIGTERM, and SIGKILL after 10 s: a server may wait for open connections
 * (a stream whose client is gone can hold it). Resolves once it has exited.
 */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export function printTable(rows: Record<string, Sample>) {
  console.log("target                          req/s     p50 ms   p99 ms   errors");
  for (const [name, s] of Object.entries(rows)) {
    console.log(
      `${name.padEnd(28)}${String(s.rps).padStart(9)}${String(s.p50).padStart(11)}${String(s.p99).padStart(9)}${String(s.errors).padStart(9)}`,
    );
  }
}

export function saveResult(name: string, data: unknown) {
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    `bench-results/${name}.json`,
    JSON.stringify({ date: new Date().toISOString(), ...(data as object) }, null, 2),
  );
}

/** The p-th percentile of timings, in ms with two decimals (0 when there are none). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
  return Math.round(value * 100) / 100;
}

/**
 * A migrated throwaway database on DATABASE_URL's Postgres server (else the
 * local one); `drop` closes and removes it (unless `keep`, to look at it later).
 */
export async function openBenchDatabase(
  name = `gh_bench_${Date.now()}`,
  options: { keep?: boolean } = {},
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const adminUrl = getEnv().DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      if (!options.keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * One target of a benchmark. `value` is null when this run did not measure it
 * (a partial run): it is then recorded as "not measured", never as met.
 */
export interface Target {
  name: string;
  value: number | null;
  atMost?: number;
  atLeast?: number;
  unit?: string;
}

export type TargetStatus = "met" | "missed" | "not measured";
/** passed: every target measured at full size and met; partial: nothing missed, but not all measured (or a reduced size). */
export type Verdict = "passed" | "failed" | "partial" | "aborted";

export function targetStatus(target: Target): TargetStatus {
  const { value, atMost, atLeast } = target;
  if (value === null || Number.isNaN(value)) return "not measured";
  if (atMost === undefined && atLeast === undefined) throw new Error(`${target.name}: no bound`);
  const met =
    (atMost === undefined || value <= atMost) && (atLeast === undefined || value >= atLeast);
  return met ? "met" : "missed";
}

/** The exit code of a verdict: only a full run with every target met exits 0. */
export const exitCodeOf = (verdict: Verdict) =>
  verdict === "passed" ? 0 : verdict === "partial" ? 2 : 1;

/**
 * Ends a benchmark: prints each target's status, writes
 * bench-results/<name>.json (targets, statuses, verdict, `data`) and sets the
 * exit code (0 passed, 1 a target missed, 2 partial). `reduced` names how the
 * run was smaller than the targets are stated for (fewer rounds, rows...):
 * such a run can fail but never pass.
 */
export function concludeBench(
  name: string,
  targets: Target[],
  data: object,
  options: { reduced?: string[] } = {},
): Verdict {
  if (targets.length === 0) throw new Error(`${name}: no targets`);
  const rows = targets.map((target) => ({ ...target, status: targetStatus(target) }));
  const reduced = options.reduced ?? [];
  const verdict: Verdict = rows.some((row) => row.status === "missed")
    ? "failed"
    : rows.some((row) => row.status === "not measured") || reduced.length
      ? "partial"
      : "passed";
  console.log(`\n${name} targets:`);
  for (const row of rows) {
    const bound = [
      row.atMost === undefined ? "" : `<= ${row.atMost}`,
      row.atLeast === undefined ? "" : `>= ${row.atLeast}`,
    ].join("");
    const value = row.value === null ? "-" : `${row.value}${row.unit ?? ""}`;
    console.log(
      `  ${row.status.padEnd(13)}${row.name}: ${value} (target ${bound}${row.unit ?? ""})`,
    );
  }
  if (reduced.length) console.log(`  reduced run (${reduced.join(", ")}): cannot pass`);
  console.log(
    verdict === "passed"
      ? "targets met"
      : verdict === "failed"
        ? "TARGETS MISSED"
        : "PARTIAL RUN: not every target measured at full size",
  );
  saveResult(name, { verdict, pass: verdict === "passed", targets: rows, reduced, ...data });
  process.exitCode = exitCodeOf(verdict);
  return verdict;
}

/**
 * A check that the benchmark measures what it claims (full pages, a limiter
 * that counted, every stream open...). On failure the run is recorded as
 * aborted and ends with an error: its figures would mean nothing.
 */
export function sanityCheck(name: string, condition: unknown, what: string): asserts condition {
  if (condition) return;
  saveResult(name, { verdict: "aborted" satisfies Verdict, pass: false, reason: what });
  process.exitCode = 1;
  throw new Error(`${name} bench: sanity check failed: ${what}`);
}

/** Which positional arguments are below the size the targets are stated for. */
export function reducedBy(sizes: Record<string, [actual: number, full: number]>): string[] {
  return Object.entries(sizes)
    .filter(([, [actual, full]]) => actual < full)
    .map(([label, [actual, full]]) => `${label} ${actual} < ${full}`);
}
