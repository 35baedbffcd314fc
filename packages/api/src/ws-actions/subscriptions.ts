import { AppError } from "@guildhall/core/errors";
import { callTRPCProcedure } from "@trpc/server";
import type { Context } from "../context";
import { appRouter } from "../root";
import { chargeFrame, errorBody, refusal } from "./errors";
import {
  endFrame,
  errorFrame,
  eventFrame,
  okFrame,
  streamErrorFrame,
  type ActionId,
} from "./frames";
import type { ActionFrame } from "./parse";
import { procedureAt } from "./procedures";

/** What the subscriptions of one socket need from it. */
export interface SubscriptionHost {
  send(frame: string): void;
  /** Whether the socket's send buffer is past the pause bound (stop pulling values). */
  congested(): boolean;
  /** Resolves once the buffer is below the bound again, or the socket closed. */
  drained(): Promise<void>;
  /** Live subscriptions one socket may hold. */
  maxLive: number;
}

/** The field a subscribe frame names its subscription in (dot-joined, as field errors are). */
const PATH_FIELD = "input.path";

interface Live {
  stop: AbortController;
  iterator?: AsyncIterator<unknown>;
}

/** `{ path, input?, lastEventId? }` of a subscribe frame, or null when it is not that. */
function subscribeRequest(input: unknown) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  const { path, input: args, lastEventId } = input as Record<string, unknown>;
  if (typeof path !== "string") return null;
  if (lastEventId !== undefined && lastEventId !== null && typeof lastEventId !== "string")
    return null;
  return { path, args, lastEventId: lastEventId ?? null };
}

/**
 * The live subscriptions of one socket, by request id. Each runs its
 * procedure with the same middleware and checks as over tRPC and SSE (stream
 * slots, access re-checks, expiry); values are pulled one at a time and only
 * while the socket keeps up, so a slow reader lags on the bus (which keeps the
 * events) instead of filling memory.
 */
export function socketSubscriptions(host: SubscriptionHost) {
  const live = new Map<string, Live>();
  const keyOf = (id: ActionId) => JSON.stringify(id);

  function end(key: string, entry: Live) {
    if (live.get(key) === entry) live.delete(key);
    entry.stop.abort();
    void entry.iterator?.return?.().catch(() => undefined);
  }

  async function pump(ctx: Context, id: ActionId, key: string, entry: Live) {
    const iterator = entry.iterator!;
    const { signal } = entry.stop;
    try {
      for (;;) {
        if (host.congested()) await host.drained();
        if (signal.aborted) return;
        const next = await iterator.next();
        if (signal.aborted) return;
        if (next.done) {
          host.send(endFrame(id));
          return;
        }
        host.send(eventFrame(id, next.value));
      }
    } catch (cause) {
      if (!signal.aborted)
        host.send(streamErrorFrame(id, errorBody(cause, ctx.locale, ctx.requestId, ctx)));
    } finally {
      end(key, entry);
    }
  }

  /** `subscribe`: answered once started (or refused), then its values follow as `event` frames. */
  async function subscribe(ctx: Context, frame: ActionFrame): Promise<void> {
    const { id } = frame;
    const refuse = async (cause: unknown) =>
      host.send(errorFrame("subscribe", id, await refusal(ctx, cause)));
    if (id === null)
      return refuse(
        new AppError("VALIDATION_FAILED", {}, { fieldErrors: { id: ["validation.required"] } }),
      );
    const request = subscribeRequest(frame.input);
    if (!request)
      return refuse(
        new AppError(
          "VALIDATION_FAILED",
          {},
          { fieldErrors: { [PATH_FIELD]: ["validation.required"] } },
        ),
      );
    if (procedureAt(request.path)?.kind !== "subscription")
      return refuse(new AppError("UNKNOWN_ACTION"));
    const key = keyOf(id);
    if (live.has(key)) return refuse(new AppError("CONFLICT"));
    if (live.size >= host.maxLive)
      return refuse(new AppError("TOO_MANY_STREAMS", { limit: host.maxLive }));
    // Registered before the procedure runs: a duplicate id or an unsubscribe meanwhile is seen.
    const entry: Live = { stop: new AbortController() };
    live.set(key, entry);
    const args =
      request.lastEventId === null
        ? request.args
        : {
            ...(request.args as Record<string, unknown> | undefined),
            lastEventId: request.lastEventId,
          };
    try {
      const result: unknown = await callTRPCProcedure({
        router: appRouter,
        path: request.path,
        getRawInput: () => Promise.resolve(args),
        ctx,
        type: "subscription",
        signal: entry.stop.signal,
        batchIndex: 0,
      });
      entry.iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    } catch (cause) {
      end(key, entry);
      return refuse(cause);
    }
    host.send(okFrame("subscribe", id));
    if (entry.stop.signal.aborted) end(key, entry);
    else void pump(ctx, id, key, entry);
  }

  /** `unsubscribe`: ends the subscription; nothing more is sent for its id. `data.ended`: it was live. */
  async function unsubscribe(ctx: Context, frame: ActionFrame): Promise<void> {
    const key = frame.id === null ? null : keyOf(frame.id);
    const entry = key === null ? undefined : live.get(key);
    if (key !== null && entry) end(key, entry);
    const limited = await chargeFrame(ctx);
    host.send(
      limited
        ? errorFrame("unsubscribe", frame.id, limited)
        : okFrame("unsubscribe", frame.id, { ended: Boolean(entry) }),
    );
  }

  /** The socket closed: every subscription ends. */
  function stopAll() {
    for (const [key, entry] of [...live]) end(key, entry);
  }

  return { subscribe, unsubscribe, stopAll, size: () => live.size };
}
