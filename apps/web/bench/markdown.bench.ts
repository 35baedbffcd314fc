/**
 * Markdown parser on hostile input (moved here from test/markdown.test.ts, which
 * now checks deterministic bounds only): each 4000-character hostile message
 * parses in <= 250 ms (median of rounds). The time for twice the input is shown
 * beside it (growth: 2 is linear, 4 quadratic); unmatched `[` and `**` grow
 * about 3.3x today, which the 4000-character message limit keeps in bounds.
 * Exits 1 when a target is missed, 2 on a reduced run (fewer rounds).
 */
import { parseMarkdown } from "../src/lib/markdown-parse";
import { concludeBench, median, reducedBy } from "./lib";

const fullRounds = 7;
const rounds = Number(process.argv[2] ?? fullRounds);
const hostile: Record<string, [string, number]> = {
  "4000 x *": ["*", 4000],
  "2000 x [ then 1000 x ](": ["[", 2000],
  "4000 x >": [">", 4000],
  "1000 x **a": ["**a ", 1000],
  "1300 x **_": ["**_", 1300],
};

function timed(input: string): number {
  const started = performance.now();
  const tree = parseMarkdown(input);
  const ms = performance.now() - started;
  // A sanity check: the parse did produce a tree for all of the input.
  if (tree.length === 0) throw new Error("empty parse");
  return ms;
}

const inputOf = (name: string, scale: number) => {
  const [unit, times] = hostile[name]!;
  const base = unit.repeat(times * scale);
  return name.startsWith("2000 x [") ? base + "](".repeat(1000 * scale) : base;
};

const rows: Record<string, { ms: number; doubledMs: number; growth: number }> = {};
for (const name of Object.keys(hostile)) {
  const single: number[] = [];
  const doubled: number[] = [];
  timed(inputOf(name, 1)); // warm-up
  for (let r = 0; r < rounds; r++) {
    single.push(timed(inputOf(name, 1)));
    doubled.push(timed(inputOf(name, 2)));
  }
  const ms = Math.round(median(single) * 100) / 100;
  const doubledMs = Math.round(median(doubled) * 100) / 100;
  rows[name] = { ms, doubledMs, growth: Math.round((doubledMs / Math.max(ms, 0.5)) * 100) / 100 };
}

console.log(`\nMarkdown benchmark: ${rounds} rounds, median ms\n`);
console.log("input                          ms   2x input ms   growth");
for (const [name, r] of Object.entries(rows))
  console.log(
    `${name.padEnd(26)}${String(r.ms).padStart(8)}${String(r.doubledMs).padStart(14)}${String(r.growth).padStart(9)}`,
  );
concludeBench(
  "markdown",
  Object.entries(rows).map(([name, r]) => ({ name, value: r.ms, atMost: 250, unit: " ms" })),
  { rounds, rows },
  { reduced: reducedBy({ rounds: [rounds, fullRounds] }) },
);
