/**
 * The fan-out measurement of the tickets bench: many EventSource clients in
 * this process, messages sent one at a time, latency from each send to each
 * receipt. Shared by the bare baseline and Guildhall's run, so both are
 * measured the same way.
 */
import { uuidv7 } from "@guildhall/db";
import { EventSource } from "eventsource";
import { percentile } from "./lib";

/** How many clients, and how many messages (after `warmup` not counted). */
export interface FanOutPlan {
  subscribers: number;
  messages: number;
  warmup: number;
}

/**
 * Opens `count` EventSource clients on `url`; `match(data)` extracts the
 * message number from an event; resolves the receipt times per message.
 */
export async function openClients(
  count: number,
  url: string,
  headers: Record<string, string>,
  match: (data: string) => number | null,
) {
  const receipts = new Map<number, number[]>();
  const clients: EventSource[] = [];
  let open = 0;
  await new Promise<void>((resolve) => {
    // Report what opened within a minute rather than waiting forever.
    setTimeout(resolve, 60_000);
    for (let i = 0; i < count; i++) {
      const source = new EventSource(url, {
        fetch: (input, init) =>
          fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
      });
      source.onopen = () => {
        if (++open === count) resolve();
      };
      source.onmessage = (event: MessageEvent<string>) => {
        const n = match(event.data);
        if (n === null) return;
        const list = receipts.get(n) ?? [];
        list.push(performance.now());
        receipts.set(n, list);
      };
      clients.push(source);
    }
  });
  return { receipts, opened: open, close: () => clients.forEach((c) => c.close()) };
}

/**
 * Sends warmup + messages messages 250 ms apart; the first `warmup` (which
 * also warm up the clients' parsing) are not counted. Latency is from the
 * send's start to each subscriber's receipt.
 */
export async function measureFanOut(
  plan: FanOutPlan,
  label: string,
  clients: Awaited<ReturnType<typeof openClients>>,
  send: (n: number) => Promise<void>,
) {
  const sentAt = new Map<number, number>();
  for (let n = 0; n < plan.warmup + plan.messages; n++) {
    sentAt.set(n, performance.now());
    await send(n);
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const latencies: number[] = [];
  const slowest: number[] = [];
  let lost = 0;
  for (let n = 0; n < plan.warmup + plan.messages; n++) {
    const times = clients.receipts.get(n) ?? [];
    lost += plan.subscribers - times.length;
    if (n < plan.warmup) continue;
    const received = times.map((at) => at - sentAt.get(n)!);
    latencies.push(...received);
    slowest.push(Math.round(Math.max(...received)));
  }
  const row = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), lost };
  console.log(
    `${label.padEnd(34)}${String(row.p50).padStart(8)}${String(row.p99).padStart(9)}${String(lost).padStart(7)}`,
  );
  console.log(`  last receipt per message (ms): ${slowest.join(" ")}`);
  return row;
}

export type ClientEvent = { type?: string; payload?: { preview?: string } };

/** The message number in a `message.created` event's preview (`bench <n>`). */
export function messageNumber(event?: ClientEvent): number | null {
  const match = /^bench (\d+)$/.exec(event?.payload?.preview ?? "");
  return event?.type === "message.created" && match ? Number(match[1]) : null;
}

/**
 * What the bare broadcast sends for message `n`: an event of the same shape
 * and size as Guildhall's `message.created` frame, so both runs' clients
 * parse the same bytes and only the servers differ.
 */
export const sameSizeEvent = (n: number) => ({
  type: "message.created",
  payload: {
    ticketId: uuidv7(),
    messageId: uuidv7(),
    authorId: uuidv7(),
    internal: false,
    preview: `bench ${n}`,
  },
});
