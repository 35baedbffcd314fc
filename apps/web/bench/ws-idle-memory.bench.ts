/**
 * Idle WebSocket memory (issue 17), on the production server
 * (src/server/node/main.ts) in its own process, read from outside it:
 * VmRSS in /proc/<pid>/status and the open descriptors in /proc/<pid>/fd.
 * The server's garbage collection cannot be forced from here, so each figure
 * is read once the server has settled (its RSS steady over several seconds).
 *  1. RSS per idle socket: 10,000 sockets open to /api/ws on a fresh server
 *     (after a warm-up of 100): target <= 20 KB each.
 *  2. 10 cycles of 1,000 sockets opened then closed, on another fresh server,
 *     measured from after one warm-up cycle: RSS back within 2% of the
 *     start (on a server of ~700 MB, ~14 MB: ~1.4 KB per socket cycled),
 *     open descriptors within 5 of the start.
 * The sockets are unauthenticated on /api/ws/actions (the action protocol),
 * the server's WS_AUTH_TIMEOUT_SECONDS at its largest (600 s) so they stay
 * until measured; `--path=/api/ws` measures the typed client's tRPC socket
 * instead (anonymous sockets are allowed there). The client ends live in this
 * process, opened in batches.
 * Sanity: while open, the server really holds each socket (its descriptors
 * grew by as many) and still answers.
 *
 * `tsx bench/ws-idle-memory.bench.ts [sockets=10000] [cycles=10] [per-cycle=1000]
 *  [--path=/api/ws/actions|/api/ws] [--settle-min=60]`
 */
import { readdirSync, readFileSync } from "node:fs";
import WebSocket from "ws";
import { concludeBench, reducedBy, sanityCheck, startBenchServer } from "./lib";

const BENCH = "ws-idle-memory";
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const COUNT = Number(positional[0] ?? 10_000);
const CYCLES = Number(positional[1] ?? 10);
const PER_CYCLE = Number(positional[2] ?? 1000);
const BATCH = 500;
const PATH =
  process.argv.find((arg) => arg.startsWith("--path="))?.slice("--path=".length) ??
  "/api/ws/actions";
sanityCheck(BENCH, ["/api/ws/actions", "/api/ws"].includes(PATH), `--path=${PATH}?`);
/** Seconds every reading waits at least (longer: gives the server's own GC time to run). */
const SETTLE_MIN = Number(
  process.argv.find((arg) => arg.startsWith("--settle-min="))?.slice("--settle-min=".length) ?? 60,
);

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's resident memory, in bytes. */
function rss(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line[1]) * 1024;
}
const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

/**
 * Waits until the server's RSS holds steady (the last 5 one-second samples
 * within 1% of each other; at least SETTLE_MIN s, at most 45 s more) and returns it.
 */
async function settled(pid: number): Promise<{ rss: number; fds: number; seconds: number }> {
  const samples: number[] = [];
  const started = Date.now();
  for (;;) {
    await sleep(1000);
    samples.push(rss(pid));
    const last = samples.slice(-5);
    const elapsed = Date.now() - started;
    const steady =
      last.length === 5 &&
      elapsed >= SETTLE_MIN * 1000 &&
      (Math.max(...last) - Math.min(...last)) / Math.max(...last) <= 0.01;
    if (steady || elapsed > (SETTLE_MIN + 45) * 1000) {
      return {
        rss: samples.at(-1)!,
        fds: openFds(pid),
        seconds: Math.round((Date.now() - started) / 1000),
      };
    }
  }
}

/** Opens `count` sockets `BATCH` at a time; resolves the open ones (or aborts the run). */
async function openSockets(url: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  const failures: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await Promise.all(
      Array.from(
        { length: size },
        () =>
          new Promise<void>((resolve) => {
            const socket = new WebSocket(url, { perMessageDeflate: false });
            const timer = setTimeout(() => {
              failures.push("not open in 30 s");
              resolve();
            }, 30_000);
            socket.once("open", () => {
              clearTimeout(timer);
              sockets.push(socket);
              resolve();
            });
            socket.once("error", (error) => {
              clearTimeout(timer);
              failures.push(error.message);
              resolve();
            });
          }),
      ),
    );
  }
  sanityCheck(
    BENCH,
    sockets.length === count,
    `${sockets.length} of ${count} sockets opened (${[...new Set(failures)].slice(0, 3).join("; ")})`,
  );
  return sockets;
}

/** Closes every socket cleanly (close handshake) and resolves once all are closed. */
async function closeSockets(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            socket.terminate();
            resolve();
          }, 10_000);
          socket.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
          socket.close(1000, "bye");
        }),
    ),
  );
}

async function withServer<T>(port: number, run: (url: string, pid: number) => Promise<T>) {
  // Whitelisted: opening thousands of sockets from one address is the load, not an abuse.
  const server = await startBenchServer(port, {
    RATE_LIMIT_WHITELIST: "127.0.0.1",
    // Unauthenticated action sockets stay this long (the largest allowed): past the measurement.
    WS_AUTH_TIMEOUT_SECONDS: "600",
  });
  try {
    return await run(server.url, server.child.pid!);
  } finally {
    await server.stop();
  }
}

// --- 1. RSS per idle socket ----------------------------------------------------------------
const perSocket = await withServer(3351, async (url, pid) => {
  const wsUrl = `${url.replace(/^http/, "ws")}${PATH}`;
  await closeSockets(await openSockets(wsUrl, 100)); // warm up the upgrade path
  const start = await settled(pid);
  const sockets = await openSockets(wsUrl, COUNT);
  const open = await settled(pid);
  // The server holds every socket (one descriptor each) and still answers.
  sanityCheck(
    BENCH,
    open.fds - start.fds >= COUNT,
    `server descriptors grew by ${open.fds - start.fds}, not by the ${COUNT} sockets`,
  );
  const health = await fetch(`${url}/api/health`);
  sanityCheck(BENCH, health.ok, `server answers ${health.status} with ${COUNT} sockets open`);
  sanityCheck(
    BENCH,
    sockets.every((socket) => socket.readyState === WebSocket.OPEN),
    "some sockets closed while idle",
  );
  await closeSockets(sockets);
  const perSocketKb = Math.round(((open.rss - start.rss) / COUNT / 1024) * 10) / 10;
  console.log(`\n${COUNT} idle sockets on ${PATH}:`);
  console.log(
    `  RSS ${mb(start.rss)} MB -> ${mb(open.rss)} MB (settled after ${start.seconds} s / ${open.seconds} s), descriptors ${start.fds} -> ${open.fds}`,
  );
  console.log(`  RSS per idle socket: ${perSocketKb} KB (target <= 20)`);
  return {
    perSocketKb,
    rssStartMb: mb(start.rss),
    rssOpenMb: mb(open.rss),
    fdsStart: start.fds,
    fdsOpen: open.fds,
  };
});

// --- 2. connect / close cycles -------------------------------------------------------------
const cycles = await withServer(3352, async (url, pid) => {
  const wsUrl = `${url.replace(/^http/, "ws")}${PATH}`;
  await closeSockets(await openSockets(wsUrl, PER_CYCLE)); // the warm-up cycle
  const start = await settled(pid);
  const perCycle: { rssMb: number; fds: number }[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const sockets = await openSockets(wsUrl, PER_CYCLE);
    await closeSockets(sockets);
    await sleep(500);
    perCycle.push({ rssMb: mb(rss(pid)), fds: openFds(pid) });
  }
  const end = await settled(pid);
  const growthPct = Math.round(((end.rss - start.rss) / start.rss) * 1000) / 10;
  const fdGrowth = end.fds - start.fds;
  const leftKb = Math.round(((end.rss - start.rss) / (CYCLES * PER_CYCLE) / 1024) * 100) / 100;
  console.log(`\n${CYCLES} cycles of ${PER_CYCLE} sockets opened and closed on ${PATH}:`);
  console.log(
    `  RSS ${mb(start.rss)} MB -> ${mb(end.rss)} MB (${growthPct}%, target within 2%; ${leftKb} KB per socket cycled; settled after ${start.seconds} s / ${end.seconds} s), descriptors ${start.fds} -> ${end.fds} (target within 5)`,
  );
  console.log(
    `  after each cycle (0.5 s): ${perCycle.map((c) => `${c.rssMb} MB/${c.fds}`).join(" ")}`,
  );
  return {
    growthPct,
    fdGrowth,
    leftKbPerSocketCycled: leftKb,
    rssStartMb: mb(start.rss),
    rssEndMb: mb(end.rss),
    fdsStart: start.fds,
    fdsEnd: end.fds,
    perCycle,
  };
});

concludeBench(
  BENCH,
  [
    { name: "RSS per idle socket", value: perSocket.perSocketKb, atMost: 20, unit: " KB" },
    { name: "RSS growth after cycles", value: cycles.growthPct, atMost: 2, unit: "%" },
    { name: "descriptors left after cycles", value: cycles.fdGrowth, atMost: 5 },
  ],
  {
    path: PATH,
    settleMinSeconds: SETTLE_MIN,
    sockets: COUNT,
    cycles: CYCLES,
    perCycle: PER_CYCLE,
    perSocket,
    cycleRun: cycles,
  },
  {
    reduced: reducedBy({
      sockets: [COUNT, 10_000],
      cycles: [CYCLES, 10],
      "sockets per cycle": [PER_CYCLE, 1000],
    }),
  },
);
