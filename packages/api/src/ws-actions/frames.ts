import { processWide } from "@guildhall/process-wide";
import { isTrackedEnvelope } from "@trpc/server";

/** The `id` a client gives a request; echoed on every frame that answers it. */
export type ActionId = string | number;

/** `{ id }` when the request had one, else nothing (replies never invent ids). */
const idOf = (id: ActionId | null) => (id === null ? {} : { id });

/** A success: `{ action, id?, success: true, data? }` (`data` only where the action answers some). */
export function okFrame(action: string, id: ActionId | null, data?: unknown): string {
  return JSON.stringify({
    action,
    ...idOf(id),
    success: true,
    ...(data === undefined ? {} : { data }),
  });
}

/** A refusal: `{ action, id?, success: false, error }`, `error` in the REST error shape. */
export function errorFrame(
  action: string | null,
  id: ActionId | null,
  error: Record<string, unknown>,
): string {
  return JSON.stringify({ action, ...idOf(id), success: false, error });
}

export function pongFrame(id: ActionId | null): string {
  return JSON.stringify({ action: "pong", ...idOf(id) });
}

/** The server ended subscription `id` (access gone, object deleted): do not resubscribe blindly. */
export function endFrame(id: ActionId): string {
  return JSON.stringify({ action: "end", id });
}

/** Subscription `id` failed after it started (e.g. TOKEN_EXPIRED); nothing follows for it. */
export function streamErrorFrame(id: ActionId, error: Record<string, unknown>): string {
  return JSON.stringify({ action: "error", id, error });
}

/**
 * The JSON of values already sent, per value: one bus item reaches every
 * subscriber as the same object (`clientView`), so it is serialized once for
 * all of them, as the SSE frames are.
 */
const dataJson = processWide("api.ws-action-data", () => new WeakMap<object, string>());

function jsonOf(data: unknown): string {
  if (typeof data !== "object" || data === null) return JSON.stringify(data ?? null);
  let json = dataJson.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    dataJson.set(data, json);
  }
  return json;
}

/**
 * One yielded value of subscription `id`: `{ action: "event", id, eventId, data }`,
 * `eventId` the tracked id (what `lastEventId` resumes after) or null for
 * live-only signals. Plain JSON, so Dates arrive as ISO strings.
 */
export function eventFrame(id: ActionId, value: unknown): string {
  const [eventId, data] = isTrackedEnvelope(value) ? [value[0], value[1]] : [null, value];
  return `{"action":"event","id":${JSON.stringify(id)},"eventId":${JSON.stringify(eventId)},"data":${jsonOf(data)}}`;
}
