import { getEnv } from "@guildhall/core/env";
import { AppError } from "@guildhall/core/errors";
import { acquireStreamSlot, type StreamOwner } from "@guildhall/core/realtime";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";

/** setTimeout's longest delay (about 24.8 days); later expiries re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function ownerOf(ctx: Context): { owner: StreamOwner; limit: number } {
  const env = getEnv();
  return ctx.principal
    ? { owner: { kind: "user", id: ctx.principal.userId }, limit: env.STREAMS_PER_USER }
    : { owner: { kind: "address", id: ctx.ip ?? "unknown" }, limit: env.STREAMS_PER_ADDRESS };
}

/** One of the caller's stream slots (STREAMS_PER_USER / STREAMS_PER_ADDRESS), or TOO_MANY_STREAMS. */
export function takeStreamSlot(ctx: Context): () => void {
  const { owner, limit } = ownerOf(ctx);
  return acquireStreamSlot(owner, limit);
}

function tokenExpired(): TRPCError {
  const cause = new AppError("TOKEN_EXPIRED");
  return new TRPCError({ code: "UNAUTHORIZED", message: cause.message, cause });
}

/**
 * A subscription's values, holding its stream slot until the stream ends,
 * whichever way (the values run out or fail, the consumer returns, the
 * request is aborted): `release` is called then, once. When the credential
 * expires (`expiresAt`), the stream fails with TOKEN_EXPIRED, so the client
 * reconnects with a fresh token. Values pass through untouched; without an
 * expiry `next()` is the source's own.
 */
export function boundedStream(
  source: AsyncIterable<unknown>,
  options: { release: () => void; expiresAt: Date | null; signal?: AbortSignal },
): AsyncIterable<unknown> {
  const { release, expiresAt, signal } = options;
  const inner = source[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expiry: Promise<never> | undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    signal?.removeEventListener("abort", end);
    release();
  };
  signal?.addEventListener("abort", end, { once: true });
  if (signal?.aborted) end();
  if (expiresAt && !ended) {
    expiry = new Promise<never>((_, reject) => {
      const arm = () => {
        const wait = expiresAt.getTime() - Date.now();
        if (wait > MAX_TIMER_MS) timer = setTimeout(arm, MAX_TIMER_MS);
        else
          timer = setTimeout(
            () => {
              reject(tokenExpired());
              void inner.return?.().catch(() => undefined);
              end();
            },
            Math.max(0, wait),
          );
      };
      arm();
    });
    // Observed by whoever races it; never an unhandled rejection.
    expiry.catch(() => undefined);
  }
  const iterator: AsyncIterator<unknown> & AsyncIterable<unknown> = {
    async next() {
      try {
        const result = await (expiry ? Promise.race([inner.next(), expiry]) : inner.next());
        if (result.done) end();
        return result;
      } catch (error) {
        end();
        throw error;
      }
    },
    return(value?: unknown) {
      end();
      // Not awaited: a source busy in its own wait (a generator sleeping between
      // updates) finishes returning only when that wait is over, and the consumer
      // must not hang on it (tRPC's stream awaits return() before sending an error).
      void inner.return?.(value).catch(() => undefined);
      return Promise.resolve({ done: true, value: undefined });
    },
    async throw(error?: unknown) {
      end();
      if (inner.throw) return inner.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
