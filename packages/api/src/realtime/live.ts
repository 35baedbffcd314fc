import {
  AppError,
  getEnv,
  principalStillValid,
  type BusEvent,
  type BusSignal,
  type Principal,
  type RealtimeBus,
} from "@guildhall/core";
import type { Database } from "@guildhall/db";

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
 * token), so the check runs once per interval, not once per subscriber.
 */
const recentChecks = new Map<string, { at: number; answer: Promise<boolean> }>();

function sharedCheck(key: string, intervalMs: number, run: () => Promise<boolean>) {
  const now = Date.now();
  const recent = recentChecks.get(key);
  if (recent && now - recent.at < intervalMs) return recent.answer;
  const answer = run().catch(() => true);
  recentChecks.set(key, { at: now, answer });
  if (recentChecks.size > 10_000) recentChecks.clear();
  return answer;
}

/**
 * Subscribes to a stream while access lasts: `stillAllowed` (and the
 * principal's session and account) are re-checked every
 * REALTIME_RECHECK_SECONDS; when access is gone the subscription ends.
 */
export function guardedStream(
  ctx: { db: Database; principal: Principal | null },
  bus: RealtimeBus,
  stream: string,
  options: {
    after?: number;
    signal?: AbortSignal;
    stillAllowed: () => Promise<boolean>;
  },
): AsyncGenerator<BusEvent | BusSignal> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  options.signal?.addEventListener("abort", abort, { once: true });
  // Registered now: signals sent from here on reach this subscriber.
  const events = bus.subscribe(stream, { after: options.after, signal: stop.signal });
  const intervalMs = getEnv().REALTIME_RECHECK_SECONDS * 1000;
  const key = `${ctx.principal?.userId ?? "-"}:${ctx.principal?.sessionId ?? "-"}:${stream}`;
  // A failed check (database hiccup) keeps the stream; the next one decides.
  const check = async () => {
    const ok = await sharedCheck(
      key,
      intervalMs - 100,
      async () =>
        (!ctx.principal || (await principalStillValid(ctx.db, ctx.principal))) &&
        (await options.stillAllowed()),
    );
    if (!ok) stop.abort();
  };
  const timer = setInterval(() => void check(), intervalMs);
  return (async function* () {
    try {
      yield* events;
    } finally {
      clearInterval(timer);
      options.signal?.removeEventListener("abort", abort);
    }
  })();
}
