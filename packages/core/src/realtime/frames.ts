import { processWide } from "@guildhall/process-wide";
import type { BusEvent, BusSignal } from "./stream-state";

const encoder = new TextEncoder();

/** What a client sees of a bus item: its type and payload (never its stream, sequence or hub). */
export interface ClientEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** One view per item in the process (every bundle's subscribers share the bus's items). */
const views = processWide(
  "api.realtime-views",
  () => new WeakMap<BusEvent | BusSignal, ClientEvent>(),
);

/**
 * `{ type, payload }` of a bus item: one object per item, shared by every
 * subscriber it reaches, so a stream writer serializes it once for all of
 * them (see `eventFrame`).
 */
export function clientView(item: BusEvent | BusSignal): ClientEvent {
  let view = views.get(item);
  if (!view) {
    view = { type: item.type, payload: item.payload };
    views.set(item, view);
  }
  return view;
}

/** Sent first: the client retries after 3 s when the connection drops. */
export const OPEN_FRAME = encoder.encode("retry: 3000\n: connected\n\n");
/** A comment line: keeps idle connections open through proxies. */
export const PING_FRAME = encoder.encode(": ping\n\n");
/** The subscription ended on the server (access gone, ticket deleted): do not reconnect. */
export const END_FRAME = encoder.encode("event: end\ndata: {}\n\n");

/** Frames already written for an object, with the id they were written for. */
const cache = processWide(
  "api.sse-frames",
  () => new WeakMap<object, { id: string | null; bytes: Uint8Array }>(),
);

/**
 * One value as a Server-Sent-Events frame: `id:` when it has one (what a
 * reconnecting client sends back as Last-Event-ID), `data:` as plain JSON.
 * An object sent to many subscribers (see `clientView`) is serialized and
 * encoded once, then the same bytes go to all of them.
 */
export function eventFrame(id: string | null, data: unknown): Uint8Array {
  const key = typeof data === "object" && data !== null ? data : null;
  const hit = key ? cache.get(key) : undefined;
  if (hit && hit.id === id) return hit.bytes;
  // JSON.stringify escapes line breaks, so the data is always one line.
  const bytes = encoder.encode(
    `${id === null ? "" : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`,
  );
  if (key) cache.set(key, { id, bytes });
  return bytes;
}

/** A failure after the stream started, as an `event: failure` frame carrying the error body. */
export function failureFrame(body: unknown): Uint8Array {
  return encoder.encode(`event: failure\ndata: ${JSON.stringify(body)}\n\n`);
}
