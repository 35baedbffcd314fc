/**
 * Ticket benchmarks (issue 5):
 *  1. A message sent to a ticket reaches 1,000 Server-Sent-Events subscribers
 *     of that ticket: latency p50 / p99 from send to receipt, against a bare
 *     Node SSE broadcast (an http server in its own process, as Guildhall's
 *     is, sending frames of the same size to the same 1,000 clients) measured
 *     in the same run; the first messages warm both up and are not counted. Target: p99 <= 2x the
 *     baseline, nothing lost.
 *  2. Send throughput with the bus (message insert + event + NOTIFY, in one
 *     statement as sendMessage does) keeps >= 0.8x plain message inserts, at
 *     4 concurrent writers (one ticket each),
 *     in process on the local Postgres (or DATABASE_URL's server).
 */
import { createHub, createUser, publishEvents } from "@guildhall/core";
import { schema, uuidv7 } from "@guildhall/db";
import { spawnNode, waitUntilUp } from "../scripts/next-server";
import {
  measureFanOut,
  messageNumber,
  openClients,
  sameSizeEvent,
  type ClientEvent,
  type FanOutPlan,
} from "./fan-out";
import { openBenchDatabase, ratio, saveResult, startBenchServer } from "./lib";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const SUBSCRIBERS = Number(positional[0] ?? 1000);
const MESSAGES = Number(positional[1] ?? 20);
/** Messages sent first and not counted (JIT warm-up on both sides). */
const WARMUP = 3;
/** `trpc` as third argument also measures the typed client's tRPC SSE (informational). */
const WITH_TRPC = positional[2] === "trpc";
const plan: FanOutPlan = { subscribers: SUBSCRIBERS, messages: MESSAGES, warmup: WARMUP };
const PASSWORD = "bench admin passphrase";

async function fanOut() {
  // --- 1a. baseline: a bare Node SSE broadcast, in its own process ------------------------
  const bare = spawnNode(["--import", "tsx", "bench/bare-sse-server.ts", "3331"], {}, "ignore");
  await waitUntilUp("http://127.0.0.1:3331/health", bare);
  console.log(
    `\nFan-out to ${SUBSCRIBERS} SSE subscribers, ${MESSAGES} messages (after ${WARMUP} not counted)`,
  );
  console.log("target                              p50 ms   p99 ms   lost");
  let baseline: { p50: number; p99: number; lost: number };
  try {
    const bareClients = await openClients(SUBSCRIBERS, "http://127.0.0.1:3331/", {}, (data) =>
      messageNumber(JSON.parse(data) as ClientEvent),
    );
    baseline = await measureFanOut(plan, "bare Node SSE broadcast", bareClients, async (n) => {
      await fetch("http://127.0.0.1:3331/", {
        method: "POST",
        body: JSON.stringify(sameSizeEvent(n)),
      });
    });
    bareClients.close();
  } finally {
    bare.kill();
  }

  // --- 1b. Guildhall: tickets.watch over SSE --------------------------------------------
  const server = await startBenchServer(3332, {
    SEED_ADMIN_PASSWORD: PASSWORD,
    RATE_LIMIT_WHITELIST: "127.0.0.1",
    // 1,000 subscribers of one user: far above the default stream cap.
    STREAMS_PER_USER: "10000",
  });
  let guildhall: { p50: number; p99: number; lost: number };
  try {
    const call = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const { accessToken } = (await call("/auth/login", { login: "admin", password: PASSWORD })) as {
      accessToken: string;
    };
    const ticket = await call(
      "/hubs/demo/tickets",
      { subject: "Bench ticket", description: "Fan-out to many subscribers.", category: "Support" },
      accessToken,
    );
    const send = async (n: number) => {
      await call(
        `/hubs/demo/tickets/${String(ticket.id)}/messages`,
        { body: `bench ${n}` },
        accessToken,
      );
    };
    const auth = { authorization: `Bearer ${accessToken}` };
    // The plain SSE URL: one frame per event, serialized once for all subscribers.
    const query = new URLSearchParams({ hubSlug: "demo", ticketId: String(ticket.id) });
    const plain = await openClients(
      SUBSCRIBERS,
      `${server.url}/api/v1/sse/tickets.watch?${query}`,
      auth,
      (data) => messageNumber(JSON.parse(data) as ClientEvent),
    );
    guildhall = await measureFanOut(plan, "Guildhall /api/v1/sse (plain SSE)", plain, send);
    plain.close();
    if (WITH_TRPC) {
      // The typed client's SSE (tRPC, superjson): serialized per subscriber.
      const input = encodeURIComponent(
        JSON.stringify({ json: { hubSlug: "demo", ticketId: ticket.id } }),
      );
      const typed = await openClients(
        SUBSCRIBERS,
        `${server.url}/api/trpc/tickets.watch?input=${input}`,
        auth,
        (data) => messageNumber((JSON.parse(data) as { json?: ClientEvent }).json),
      );
      await measureFanOut(plan, "Guildhall /api/trpc (tRPC SSE)", typed, send);
      typed.close();
    }
  } finally {
    await server.stop();
  }
  const fanOutRatio = ratio(guildhall.p99, baseline.p99);
  console.log(
    `p99 vs bare broadcast: ${fanOutRatio}x (target <= 2), lost ${guildhall.lost} (target 0)`,
  );

  return { baseline, guildhall, fanOutRatio };
}

async function sendThroughput() {
  // --- 2. send throughput with the bus, 4 writers, Postgres ------------------------------
  const { handle, drop } = await openBenchDatabase(`gh_bench_t${Date.now()}`);
  let throughput = 0;
  try {
    const db = handle.db;
    const owner = await createUser(db, { username: "benchowner" });
    const hub = await db.transaction((tx) =>
      createHub(tx, { slug: "bench", name: "B", ownerId: owner.id }),
    );
    const tickets = await db
      .insert(schema.tickets)
      .values(
        [0, 1, 2, 3].map((i) => ({
          hubId: hub.id,
          number: i + 1,
          subject: `t${i}`,
          description: "bench ticket",
          category: "Support",
          createdBy: owner.id,
        })),
      )
      .returning({ id: schema.tickets.id });
    const PER_WRITER = 1000;
    const run = async (withBus: boolean) => {
      const start = performance.now();
      await Promise.all(
        tickets.map(async (ticket) => {
          for (let i = 0; i < PER_WRITER; i++) {
            await db.transaction(async (tx) => {
              // The same shape as sendMessage: the event rides in the message's statement.
              const id = uuidv7();
              const insert = tx.insert(schema.ticketMessages).values({
                id,
                hubId: hub.id,
                ticketId: ticket.id,
                authorId: owner.id,
                body: `m ${i}`,
              });
              if (!withBus) {
                await insert;
                return;
              }
              await publishEvents(
                tx,
                [
                  {
                    stream: `ticket:${ticket.id}`,
                    hubId: hub.id,
                    type: "message.created",
                    payload: { messageId: id, authorId: owner.id },
                  },
                ],
                [insert],
              );
            });
          }
        }),
      );
      return (tickets.length * PER_WRITER * 1000) / (performance.now() - start);
    };
    await run(false);
    const plain: number[] = [];
    const bus: number[] = [];
    for (let round = 0; round < 3; round++) {
      plain.push(await run(false));
      bus.push(await run(true));
    }
    const best = (xs: number[]) => Math.round([...xs].sort((a, b) => b - a)[1]!);
    console.log(
      `\nSend throughput, 4 writers (messages/s, median of 3): plain ${best(plain)}, with bus ${best(bus)}`,
    );
    throughput = ratio(best(bus), best(plain));
    console.log(`bus / plain: ${throughput}x (target >= 0.8)`);
  } finally {
    // The last notifications go out just after the last commit.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await drop();
  }
  return throughput;
}

// `--only=fanout` or `--only=throughput` runs one part (while working on it).
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const skipped = { baseline: null, guildhall: { p50: 0, p99: 0, lost: 0 }, fanOutRatio: 0 };
const { baseline, guildhall, fanOutRatio } = only === "throughput" ? skipped : await fanOut();
const throughput = only === "fanout" ? 1 : await sendThroughput();
const pass = fanOutRatio <= 2 && guildhall.lost === 0 && throughput >= 0.8;
console.log(pass ? "targets met" : "TARGETS MISSED");
saveResult("tickets", {
  subscribers: SUBSCRIBERS,
  messages: MESSAGES,
  baseline,
  guildhall,
  fanOutRatio,
  throughput,
  pass,
});
process.exitCode = pass ? 0 : 1;
