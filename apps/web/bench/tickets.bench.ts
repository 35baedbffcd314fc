/**
 * Ticket benchmarks (issue 5):
 *  1. A message sent to a ticket reaches 1,000 Server-Sent-Events subscribers
 *     of that ticket: latency p50 / p99 from send to receipt, against a bare
 *     Node SSE broadcast (an http server in its own process, as Guildhall's
 *     is, sending frames of the same size to the same 1,000 clients). Both
 *     servers run for the whole part and are measured in alternating order
 *     over several rounds; each side's median round counts. The first
 *     messages of every measurement warm up and are not counted. Target: p99
 *     <= 1.5x the baseline (issue 17; 2x before), nothing lost.
 *  2. Send throughput of the real send path (`sendMessage`: ticket lock,
 *     message, ticket update, ticket and hub stream events) keeps >= 0.8x the
 *     same send without the bus, at 4 concurrent writers (one ticket each),
 *     in process on the local Postgres (or DATABASE_URL's server); see
 *     send-throughput.ts.
 *
 * `tsx bench/tickets.bench.ts [subscribers] [messages] [trpc] [--only=fanout|throughput]
 *  [--rounds=3] [--sends=1000]` (`trpc` also measures the typed client's tRPC SSE,
 * informational). A part left out by `--only` is recorded as not measured.
 */
import { spawnNode, waitUntilUp } from "../scripts/web-server";
import {
  measureFanOut,
  messageNumber,
  openClients,
  sameSizeEvent,
  type ClientEvent,
  type FanOutPlan,
} from "./fan-out";
import { prepareTicket } from "./guildhall-ticket";
import { concludeBench, median, ratio, reducedBy, sanityCheck, startBenchServer } from "./lib";
import { measureSendThroughput } from "./send-throughput";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const flag = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const SUBSCRIBERS = Number(positional[0] ?? 1000);
const MESSAGES = Number(positional[1] ?? 20);
const WITH_TRPC = positional[2] === "trpc";
const ROUNDS = Number(flag("rounds") ?? 3);
const SENDS = Number(flag("sends") ?? 1000);
const only = flag("only");
/** Messages sent first in every measurement and not counted (JIT warm-up on both sides). */
const WARMUP = 3;
const plan: FanOutPlan = { subscribers: SUBSCRIBERS, messages: MESSAGES, warmup: WARMUP };
const PASSWORD = "bench admin passphrase";
const BARE = "http://127.0.0.1:3331";

type Row = { p50: number; p99: number; lost: number };

/** The ticket the fan-out runs on (`prepareTicket`), with the header its subscribers send. */
async function prepareGuildhall(url: string) {
  const { ticketId, accessToken, send } = await prepareTicket("tickets", url, PASSWORD);
  return { ticketId, auth: { authorization: `Bearer ${accessToken}` }, send };
}

/** Opens every client (or aborts), measures, closes. */
async function measureOnce(
  label: string,
  url: string,
  headers: Record<string, string>,
  match: (data: string) => number | null,
  send: (n: number) => Promise<void>,
): Promise<Row> {
  const clients = await openClients(SUBSCRIBERS, url, headers, match);
  try {
    sanityCheck(
      "tickets",
      clients.opened === SUBSCRIBERS,
      `${label}: ${clients.opened} of ${SUBSCRIBERS} streams opened`,
    );
    return await measureFanOut(plan, label, clients, send);
  } finally {
    clients.close();
  }
}

async function fanOut() {
  const bare = spawnNode(["--import", "tsx", "bench/bare-sse-server.ts", "3331"], {}, "ignore");
  const server = await startBenchServer(3332, {
    SEED_ADMIN_PASSWORD: PASSWORD,
    RATE_LIMIT_WHITELIST: "127.0.0.1",
    // 1,000 subscribers of one user: far above the default stream cap.
    STREAMS_PER_USER: "10000",
  });
  try {
    await waitUntilUp(`${BARE}/health`, bare);
    const guildhall = await prepareGuildhall(server.url);
    const plainUrl = `${server.url}/api/v1/sse/tickets.watch?${new URLSearchParams({
      hubSlug: "demo",
      ticketId: guildhall.ticketId,
    })}`;
    const sides = {
      bare: () =>
        measureOnce(
          "bare Node SSE broadcast",
          `${BARE}/`,
          {},
          (data) => messageNumber(JSON.parse(data) as ClientEvent),
          async (n) => {
            await fetch(`${BARE}/`, { method: "POST", body: JSON.stringify(sameSizeEvent(n)) });
          },
        ),
      // The plain SSE URL: one frame per event, serialized once for all subscribers.
      guildhall: () =>
        measureOnce(
          "Guildhall /api/v1/sse (plain SSE)",
          plainUrl,
          guildhall.auth,
          (data) => messageNumber(JSON.parse(data) as ClientEvent),
          guildhall.send,
        ),
    };
    console.log(
      `\nFan-out to ${SUBSCRIBERS} SSE subscribers, ${MESSAGES} messages (after ${WARMUP} not counted), ${ROUNDS} rounds`,
    );
    console.log("target                              p50 ms   p99 ms   lost");
    const rows: Record<keyof typeof sides, Row[]> = { bare: [], guildhall: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: (keyof typeof sides)[] =
        round % 2 ? ["guildhall", "bare"] : ["bare", "guildhall"];
      for (const side of order) rows[side].push(await sides[side]());
    }
    if (WITH_TRPC) {
      // The typed client's SSE (tRPC, superjson): serialized per subscriber.
      const input = encodeURIComponent(
        JSON.stringify({ json: { hubSlug: "demo", ticketId: guildhall.ticketId } }),
      );
      await measureOnce(
        "Guildhall /api/trpc (tRPC SSE)",
        `${server.url}/api/trpc/tickets.watch?input=${input}`,
        guildhall.auth,
        (data) => messageNumber((JSON.parse(data) as { json?: ClientEvent }).json),
        guildhall.send,
      );
    }
    const summary = (list: Row[]): Row => ({
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      lost: list.reduce((n, r) => n + r.lost, 0),
    });
    const result = { baseline: summary(rows.bare), guildhall: summary(rows.guildhall), rows };
    const fanOutRatio = ratio(result.guildhall.p99, result.baseline.p99);
    console.log(
      `median of ${ROUNDS} rounds: bare p99 ${result.baseline.p99} ms, Guildhall p99 ${result.guildhall.p99} ms: ${fanOutRatio}x (target <= 1.5), lost ${result.guildhall.lost} (target 0)`,
    );
    return { ...result, fanOutRatio };
  } finally {
    bare.kill();
    await server.stop();
  }
}

sanityCheck("tickets", !only || ["fanout", "throughput"].includes(only), `--only=${only}?`);
const fan = only === "throughput" ? null : await fanOut();
const throughput =
  only === "fanout" ? null : await measureSendThroughput({ rounds: ROUNDS, perWriter: SENDS });
concludeBench(
  "tickets",
  [
    {
      name: "fan-out p99 / bare broadcast",
      value: fan?.fanOutRatio ?? null,
      atMost: 1.5,
      unit: "x",
    },
    { name: "fan-out messages lost", value: fan?.guildhall.lost ?? null, atMost: 0 },
    {
      name: "send throughput, sendMessage / no bus",
      value: throughput?.ratio ?? null,
      atLeast: 0.8,
      unit: "x",
    },
  ],
  {
    subscribers: SUBSCRIBERS,
    messages: MESSAGES,
    rounds: ROUNDS,
    sendsPerWriter: SENDS,
    fanOut: fan,
    throughput,
  },
  {
    reduced: reducedBy({
      subscribers: [SUBSCRIBERS, 1000],
      messages: [MESSAGES, 20],
      rounds: [ROUNDS, 3],
      "sends per writer": [SENDS, 1000],
    }),
  },
);
