import { hubStanding, type HubActor, type Principal } from "@guildhall/core/access";
import { getEnv } from "@guildhall/core/env";
import { AppError } from "@guildhall/core/errors";
import {
  principalStillValid,
  type BusSubscription,
  type RealtimeBus,
} from "@guildhall/core/realtime";
import type { Database } from "@guildhall/db";
import { can, type Permission } from "@guildhall/permissions";
import { actorOf } from "../middleware/actor";
import { processWide } from "@guildhall/process-wide";

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
 * answer is what the check found (a fresh actor, `true`), or null: access gone.
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
 * Subscribes to `stream` while `check` answers non-null: it runs (with the
 * principal's session and account check) every REALTIME_RECHECK_SECONDS, each
 * answer goes to `onCheck`, and when access is gone the subscription ends.
 */
function watchWhile<T>(
  ctx: { db: Database; principal: Principal | null },
  bus: RealtimeBus,
  stream: string,
  options: {
    after?: number;
    signal?: AbortSignal;
    /** Distinguishes checks of one principal and stream that answer differently. */
    key: string;
    check: () => Promise<T | null>;
    onCheck?: (answer: T) => void;
  },
): BusSubscription {
  const stop = new AbortController();
  const abort = () => stop.abort();
  options.signal?.addEventListener("abort", abort, { once: true });
  const intervalMs = getEnv().REALTIME_RECHECK_SECONDS * 1000;
  const key = `${ctx.principal?.userId ?? "-"}:${ctx.principal?.sessionId ?? "-"}:${stream}:${options.key}`;
  const recheck = async () => {
    const answer = await sharedCheck(key, intervalMs - 100, async () =>
      !ctx.principal || (await principalStillValid(ctx.db, ctx.principal)) ? options.check() : null,
    );
    if (answer === UNKNOWN) return;
    if (answer === null) stop.abort();
    else options.onCheck?.(answer);
  };
  const timer = setInterval(() => void recheck(), intervalMs);
  // Registered now: signals sent from here on reach this subscriber. The
  // bus's own iterator goes to the caller, with no wrapper to pass through.
  return bus.subscribe(stream, {
    after: options.after,
    signal: stop.signal,
    onEnd: () => {
      clearInterval(timer);
      options.signal?.removeEventListener("abort", abort);
    },
  });
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
): BusSubscription {
  return watchWhile(ctx, bus, stream, {
    after: options.after,
    signal: options.signal,
    key: "",
    check: async () => ((await options.stillAllowed()) ? true : null),
  });
}

type HubContext = Parameters<typeof actorOf>[0] & { db: Database };

/**
 * The subscriber as a hub actor now: roles and grants re-read the way the hub
 * middleware reads them, or null when they left the hub or no longer hold
 * every permission in `needs`.
 */
export async function currentHubActor(
  ctx: HubContext,
  needs: readonly Permission[],
): Promise<HubActor | null> {
  const standing = await hubStanding(ctx.db, ctx.hub.id, ctx.principal);
  if (!standing || !needs.every((permission) => can(standing.grants, permission))) return null;
  return actorOf({ ...ctx, hub: { ...ctx.hub, ...standing } });
}

/**
 * A hub stream while the subscriber keeps access: every
 * REALTIME_RECHECK_SECONDS the session and account, the membership, the
 * roles and permissions (every one in `needs` must still be held) and then
 * `stillAllowed` with the fresh actor are checked; the stream ends when any
 * fails. `actor()` is the subscriber as of the last check: filter each event
 * with it (internal notes, staff-only events), never with the actor of subscribe.
 */
export function guardedHubStream(
  ctx: HubContext,
  bus: RealtimeBus,
  stream: string,
  options: {
    after?: number;
    signal?: AbortSignal;
    needs: readonly Permission[];
    stillAllowed?: (actor: HubActor) => Promise<boolean>;
  },
): { events: BusSubscription; actor: () => HubActor } {
  let current = actorOf(ctx);
  const events = watchWhile(ctx, bus, stream, {
    after: options.after,
    signal: options.signal,
    key: options.needs.join(","),
    check: async () => {
      const actor = await currentHubActor(ctx, options.needs);
      if (!actor || (options.stillAllowed && !(await options.stillAllowed(actor)))) return null;
      return actor;
    },
    onCheck: (actor) => (current = actor),
  });
  return { events, actor: () => current };
}
