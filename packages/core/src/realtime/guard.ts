import type { Database } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";
import type { Principal } from "../access";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { BusSubscription, RealtimeBus, SubscribeOptions } from "./bus";
import { principalStillValid } from "./still-allowed";

/** The bus of the context, listening, or a clear error where none runs. */
export async function requireBus(ctx: { bus: RealtimeBus | null }): Promise<RealtimeBus> {
  if (!ctx.bus) throw new AppError("SERVICE_UNAVAILABLE");
  // LISTEN must be in place before a subscriber says "ready" or announces itself.
  await ctx.bus.start();
  return ctx.bus;
}

/** `lastEventId` as the stream sequence to resume after (undefined: live only). */
export function resumeAfter(lastEventId: string | null | undefined): number | undefined {
  return lastEventId ? Number(lastEventId) : undefined;
}

/**
 * Recent answers of access checks, shared by the subscribers of one principal
 * on one stream (a dashboard with many tabs, or many clients of one program
 * token), so the check runs once per interval, not once per subscriber. An
 * answer is what the check found (a fresh actor), or null: access gone.
 */
const checks = processWide(
  "api.live-checks",
  () => new Map<string, { at: number; answer: Promise<unknown> }>(),
);

/** A failed check (a database hiccup) answers this: keep the stream, the next check decides. */
const UNKNOWN = Symbol("unknown");

function sharedCheck<T>(
  key: string,
  intervalMs: number,
  run: () => Promise<T | null>,
): Promise<T | null | typeof UNKNOWN> {
  const now = Date.now();
  const recent = checks.get(key);
  if (recent && now - recent.at < intervalMs)
    return recent.answer as Promise<T | null | typeof UNKNOWN>;
  const answer = run().catch((): typeof UNKNOWN => UNKNOWN);
  checks.set(key, { at: now, answer });
  if (checks.size > 10_000) checks.clear();
  return answer;
}

/**
 * Whether a long-lived connection (a WebSocket) may go on: its principal's
 * session is live and the account active. Checked at most once per
 * REALTIME_RECHECK_SECONDS for all connections of one session; a check that
 * failed (a database hiccup) answers true, and the next one decides.
 */
export async function connectionStillValid(db: Database, principal: Principal): Promise<boolean> {
  const intervalMs = getEnv().REALTIME_RECHECK_SECONDS * 1000;
  const key = `connection:${principal.userId}:${principal.sessionId ?? "-"}`;
  const answer = await sharedCheck(key, intervalMs - 100, async () =>
    (await principalStillValid(db, principal)) ? true : null,
  );
  return answer !== null;
}

/** Who holds a guarded subscription. */
export interface Subscriber {
  db: Database;
  /** The signed-in caller, whose session and account are re-checked too; null: anonymous. */
  principal: Principal | null;
}

/**
 * Subscribes to `stream` while `check` answers non-null: it runs (after the
 * principal's session and account check) every REALTIME_RECHECK_SECONDS,
 * each answer goes to `onCheck`, and when access is gone the subscription
 * ends. The bus's own iterator goes to the caller, with no wrapper to pass
 * through (see `BusSubscription`).
 */
export function guardedSubscription<T>(
  bus: RealtimeBus,
  stream: string,
  subscriber: Subscriber,
  options: Omit<SubscribeOptions, "onEnd"> & {
    /** Distinguishes checks of one principal and stream that answer differently. */
    key: string;
    check: () => Promise<T | null>;
    onCheck?: (answer: T) => void;
    onEnd?: () => void;
  },
): BusSubscription {
  const { db, principal } = subscriber;
  const stop = new AbortController();
  const abort = () => stop.abort();
  options.signal?.addEventListener("abort", abort, { once: true });
  const intervalMs = getEnv().REALTIME_RECHECK_SECONDS * 1000;
  const key = `${principal?.userId ?? "-"}:${principal?.sessionId ?? "-"}:${stream}:${options.key}`;
  const recheck = async () => {
    const answer = await sharedCheck(key, intervalMs - 100, async () =>
      !principal || (await principalStillValid(db, principal)) ? options.check() : null,
    );
    if (answer === UNKNOWN) return;
    if (answer === null) stop.abort();
    else options.onCheck?.(answer);
  };
  const timer = setInterval(() => void recheck(), intervalMs);
  // Registered now: signals sent from here on reach this subscriber.
  return bus.subscribe(stream, {
    after: options.after,
    signal: stop.signal,
    accept: options.accept,
    onEnd: () => {
      clearInterval(timer);
      options.signal?.removeEventListener("abort", abort);
      options.onEnd?.();
    },
  });
}
