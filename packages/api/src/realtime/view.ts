import { processWide } from "@guildhall/process-wide";
import type { BusEvent, BusSignal } from "@guildhall/core/realtime";

export interface ClientEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** One view per event in the process (every bundle's subscribers share the bus's events). */
const views = processWide(
  "api.realtime-views",
  () => new WeakMap<BusEvent | BusSignal, ClientEvent>(),
);

/**
 * What a client sees of a bus item: `{ type, payload }`. One object per item,
 * shared by every subscriber it reaches, so a stream writer can serialize it
 * once for all of them (see `sseFrame`).
 */
export function clientView(item: BusEvent | BusSignal): ClientEvent {
  let view = views.get(item);
  if (!view) {
    view = { type: item.type, payload: item.payload };
    views.set(item, view);
  }
  return view;
}
