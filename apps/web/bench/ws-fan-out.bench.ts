/**
 * WebSocket fan-out (issue 17): a message sent to a ticket (over REST, as
 * tickets.bench sends) reaches 1,000 WebSocket subscribers of that ticket's
 * watch stream: latency p50 / p99 from send to receipt, against a bare `ws`
 * broadcast (bare-ws-server.ts: a `ws` server in its own process, as
 * Guildhall's is, sending frames of the same shape and size to the same
 * 1,000 clients). Measured the way fan-out.ts measures SSE: messages sent one
 * at a time, 250 ms apart, receipt times per client; the first 3 not counted.
 * Each Guildhall side and its bare baseline alternate in order over several
 * rounds; each side's median round counts.
 *
 * Both of the server's WebSocket protocols are measured, each against the
 * bare broadcast of its own frames:
 *   - the action protocol, /api/ws/actions (`auth`, then `subscribe`;
 *     frames `{"action":"event","id":"s1","eventId":…,"data":…}`);
 *   - tRPC's protocol, /api/ws (the typed client's `transport: "ws"`; raw
 *     frames here, the token in the upgrade's Authorization header).
 * Targets: p99 <= 1.5x the bare broadcast's, nothing lost, for each. A
 * protocol that does not answer (not served yet) is recorded as not measured.
 *
 * `tsx bench/ws-fan-out.bench.ts [subscribers=1000] [messages=20] [--rounds=3]
 *  [--protocol=both|actions|trpc]`
 */
import { spawnNode, waitUntilUp } from "../scripts/web-server";
import {
  measureFanOut,
  messageNumber,
  sameSizeEvent,
  type ClientEvent,
  type FanOutPlan,
} from "./fan-out";
import { prepareTicket } from "./guildhall-ticket";
import { concludeBench, median, ratio, reducedBy, sanityCheck, startBenchServer } from "./lib";
import { openWsClients, type WsFrame, type WsProtocol } from "./ws-clients";

const BENCH = "ws-fan-out";
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const flag = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const SUBSCRIBERS = Number(positional[0] ?? 1000);
const MESSAGES = Number(positional[1] ?? 20);
const ROUNDS = Number(flag("rounds") ?? 3);
const PROTOCOLS = flag("protocol") ?? "both";
const WARMUP = 3;
const plan: FanOutPlan = { subscribers: SUBSCRIBERS, messages: MESSAGES, warmup: WARMUP };
const PASSWORD = "bench admin passphrase";
const BARE_PORT = 3341;
const BARE = `http://127.0.0.1:${BARE_PORT}`;
sanityCheck(BENCH, ["both", "actions", "trpc"].includes(PROTOCOLS), `--protocol=${PROTOCOLS}?`);

type Protocol = "actions" | "trpc";
type Row = { p50: number; p99: number; lost: number; frameBytes: number | null };

/** The event of a tRPC data frame (tracked values come as `{ id, data }`). */
function trpcEvent(frame: WsFrame): ClientEvent | undefined {
  if (frame.id !== 1 || frame.result?.type !== "data") return undefined;
  const value = frame.result.data?.json as (ClientEvent & { data?: ClientEvent }) | undefined;
  return frame.result.id !== undefined ? value?.data : value;
}
/** The event of an action-protocol event frame of subscription s1. */
const actionEvent = (frame: WsFrame): ClientEvent | undefined =>
  frame.action === "event" && frame.id === "s1" ? (frame.data as ClientEvent) : undefined;

const eventOf: Record<Protocol, (frame: WsFrame) => ClientEvent | undefined> = {
  actions: actionEvent,
  trpc: trpcEvent,
};

/** The bare server's frame for message `n`, in the shape Guildhall's protocol sends it. */
const bareFrame: Record<Protocol, (n: number) => string> = {
  actions: (n) =>
    JSON.stringify({ action: "event", id: "s1", eventId: String(100 + n), data: sameSizeEvent(n) }),
  trpc: (n) => {
    const id = String(100 + n);
    return JSON.stringify({
      id: 1,
      result: { type: "data", id, data: { json: { id, data: sameSizeEvent(n) } } },
    });
  },
};

const server = await startBenchServer(3342, {
  SEED_ADMIN_PASSWORD: PASSWORD,
  RATE_LIMIT_WHITELIST: "127.0.0.1",
  // 1,000 subscribers of one user: far above the default stream cap.
  STREAMS_PER_USER: "10000",
});
// Spawned once the server is up, so a server that fails to start leaves no bare server behind.
const bare = spawnNode(
  ["--import", "tsx", "bench/bare-ws-server.ts", String(BARE_PORT)],
  {},
  "ignore",
);
try {
  await waitUntilUp(`${BARE}/health`, bare);
  const guildhall = await prepareTicket(BENCH, server.url, PASSWORD);
  const wsBase = server.url.replace(/^http/, "ws");
  const watchInput = { hubSlug: "demo", ticketId: guildhall.ticketId };
  const guildhallProtocol: Record<Protocol, WsProtocol> = {
    actions: {
      url: `${wsBase}/api/ws/actions`,
      hello: [
        JSON.stringify({ action: "auth", id: "a", token: guildhall.accessToken }),
        JSON.stringify({
          action: "subscribe",
          id: "s1",
          input: { path: "tickets.watch", input: watchInput },
        }),
      ],
      ready: (frame) => actionEvent(frame)?.type === "ready",
      refused: (frame) => frame.success === false || frame.action === "error",
      match: (frame) => messageNumber(actionEvent(frame)),
    },
    trpc: {
      url: `${wsBase}/api/ws`,
      headers: { authorization: `Bearer ${guildhall.accessToken}` },
      hello: [
        JSON.stringify({
          id: 1,
          method: "subscription",
          params: { path: "tickets.watch", input: { json: watchInput } },
        }),
      ],
      ready: (frame) => trpcEvent(frame)?.type === "ready",
      refused: (frame) => frame.error !== undefined,
      match: (frame) => messageNumber(trpcEvent(frame)),
    },
  };
  const bareProtocol = (protocol: Protocol): WsProtocol => ({
    url: `ws://127.0.0.1:${BARE_PORT}/`,
    hello: [],
    match: (frame) => messageNumber(eventOf[protocol](frame)),
  });
  const bareSend = (protocol: Protocol) => async (n: number) => {
    await fetch(`${BARE}/`, { method: "POST", body: bareFrame[protocol](n) });
  };

  /** Opens every client (or aborts), measures, closes. */
  async function measureOnce(
    label: string,
    protocol: WsProtocol,
    send: (n: number) => Promise<void>,
  ): Promise<Row> {
    const clients = await openWsClients(SUBSCRIBERS, protocol);
    try {
      sanityCheck(
        BENCH,
        clients.opened === SUBSCRIBERS,
        `${label}: ${clients.opened} of ${SUBSCRIBERS} subscribers live (${clients.failures.join("; ")})`,
      );
      const row = await measureFanOut(plan, label, clients, send);
      return { ...row, frameBytes: clients.frameBytes() };
    } finally {
      clients.close();
      // Let the server end the subscriptions before the next side opens its clients.
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  // Which protocols answer: one subscriber each, before anything is measured.
  const wanted: Protocol[] = PROTOCOLS === "both" ? ["actions", "trpc"] : [PROTOCOLS as Protocol];
  const measured: Protocol[] = [];
  const notServed: Partial<Record<Protocol, string>> = {};
  for (const protocol of wanted) {
    const probe = await openWsClients(1, guildhallProtocol[protocol], { timeoutMs: 5000 });
    probe.close();
    if (probe.opened === 1) measured.push(protocol);
    else {
      notServed[protocol] = probe.failures.join("; ") || "no answer";
      console.log(
        `${protocol}: not measured, the probe subscriber was not live (${notServed[protocol]})`,
      );
    }
  }

  console.log(
    `\nWebSocket fan-out to ${SUBSCRIBERS} subscribers, ${MESSAGES} messages (after ${WARMUP} not counted), ${ROUNDS} rounds`,
  );
  console.log("target                              p50 ms   p99 ms   lost");
  const labels: Record<Protocol, string> = {
    actions: "Guildhall /api/ws/actions",
    trpc: "Guildhall /api/ws (tRPC)",
  };
  const rows: Record<string, Row[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const protocol of measured) {
      const sides = [
        {
          key: `bare-${protocol}`,
          run: () =>
            measureOnce(`bare ws (${protocol} frames)`, bareProtocol(protocol), bareSend(protocol)),
        },
        {
          key: protocol,
          run: () => measureOnce(labels[protocol], guildhallProtocol[protocol], guildhall.send),
        },
      ];
      for (const side of round % 2 ? sides.reverse() : sides)
        (rows[side.key] ??= []).push(await side.run());
    }
  }
  const summary = (list: Row[]) => ({
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
    lost: list.reduce((n, r) => n + r.lost, 0),
    frameBytes: list[0]?.frameBytes ?? null,
  });
  const results: Partial<
    Record<
      Protocol,
      { guildhall: ReturnType<typeof summary>; bare: ReturnType<typeof summary>; p99Ratio: number }
    >
  > = {};
  for (const protocol of measured) {
    const result = {
      guildhall: summary(rows[protocol]!),
      bare: summary(rows[`bare-${protocol}`]!),
      p99Ratio: 0,
    };
    result.p99Ratio = ratio(result.guildhall.p99, result.bare.p99);
    // The bare broadcast must send what Guildhall sends (frames of the same size), or it is no baseline.
    const [ours, theirs] = [result.guildhall.frameBytes ?? 0, result.bare.frameBytes ?? 0];
    sanityCheck(
      BENCH,
      ours > 0 && Math.abs(ours - theirs) / ours <= 0.2,
      `${protocol}: frames of ${ours} bytes from Guildhall, ${theirs} from the bare broadcast`,
    );
    console.log(
      `${protocol}: median of ${ROUNDS} rounds: bare p99 ${result.bare.p99} ms, Guildhall p99 ${result.guildhall.p99} ms: ${result.p99Ratio}x (target <= 1.5), lost ${result.guildhall.lost} (target 0); frames ${ours} / ${theirs} bytes`,
    );
    results[protocol] = result;
  }
  concludeBench(
    BENCH,
    (
      [
        ["actions", "action protocol"],
        ["trpc", "tRPC WebSocket"],
      ] as const
    ).flatMap(([protocol, label]) => [
      {
        name: `${label} p99 / bare ws broadcast`,
        value: results[protocol]?.p99Ratio ?? null,
        atMost: 1.5,
        unit: "x",
      },
      {
        name: `${label} messages lost`,
        value: results[protocol]?.guildhall.lost ?? null,
        atMost: 0,
      },
    ]),
    { subscribers: SUBSCRIBERS, messages: MESSAGES, rounds: ROUNDS, results, rows, notServed },
    {
      reduced: reducedBy({
        subscribers: [SUBSCRIBERS, 1000],
        messages: [MESSAGES, 20],
        rounds: [ROUNDS, 3],
      }),
    },
  );
} finally {
  bare.kill();
  await server.stop();
}
