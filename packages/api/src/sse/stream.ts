import type { ServerResponse } from "node:http";
import {
  END_FRAME,
  eventFrame,
  failureFrame,
  OPEN_FRAME,
  PING_FRAME,
} from "@guildhall/core/realtime";
import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  isTrackedEnvelope,
  TRPCError,
} from "@trpc/server";
import type { Context } from "../context";
import { describeError, type ErrorBody } from "../format-error";
import { countBeforeProcedure } from "../middleware/rate-limit";
import { appRouter } from "../root";

export interface SseRequest {
  /** The subscription's procedure path, e.g. `tickets.watch`. */
  path: string;
  ctx: Context;
  /** Query parameters (flat strings), validated by the procedure's own input. */
  params: Record<string, string>;
  /** A reconnecting EventSource's Last-Event-ID header (wins over `?lastEventId=`). */
  lastEventId: string | null;
  /** Headers the context collected (rate-limit answers), sent with the response. */
  headers?: Headers;
  pingMs?: number;
}

/** The REST error shape: `{ code, message, fieldErrors, requestId, ...details }`. */
export function restError(body: ErrorBody): Record<string, unknown> {
  const { httpStatus: _status, details, ...rest } = body;
  return { ...rest, ...details };
}

/** `headers` (a fetch `Headers`) on a Node response that has not started. */
function setHeaders(res: ServerResponse, headers: Headers): void {
  headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) res.appendHeader("set-cookie", cookies);
}

/**
 * A refusal before the stream started: an ordinary JSON answer in the REST
 * shape. One that no procedure counted (an unknown subscription) still costs a
 * point of the global bucket, and becomes RATE_LIMITED when that is empty.
 */
async function answerError(
  res: ServerResponse,
  cause: unknown,
  ctx: Context,
  headers: Headers,
): Promise<void> {
  const limited = await countBeforeProcedure(ctx);
  const error = getTRPCErrorFromUnknown(limited ?? cause);
  const body = describeError(error, ctx.locale, ctx.requestId);
  setHeaders(res, headers);
  res.writeHead(body.httpStatus, { "content-type": "application/json" });
  res.end(JSON.stringify(restError(body)));
}

/** A yielded value as a frame: tracked values carry their id. */
function dataFrame(value: unknown): Uint8Array {
  return isTrackedEnvelope(value) ? eventFrame(value[0], value[1]) : eventFrame(null, value);
}

/** Resolves when `res` can take more (or is gone). Shared with the server's fetch bridge. */
export function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * Any subscription as a plain Server-Sent-Events response (for consumers
 * without the typed client): the procedure runs with its middleware and
 * checks exactly as over tRPC; refusals before the stream starts are ordinary
 * JSON error answers; then each yielded value is one `data:` frame (with
 * `id:` when tracked), `: ping` comments keep the connection open, and
 * `event: end` says the server ended it.
 *
 * Frames go straight to the Node response: with 1,000 subscribers of one
 * ticket, a web `ReadableStream` piped into the response (how a route
 * handler's body is sent) costs more than the rest of the delivery (see
 * docs/benchmarks.md). Values shared by many subscribers are serialized once
 * (`dataFrame`). The next value is taken only when the socket has taken the
 * last one, so a slow reader lags behind on the bus (which keeps the events)
 * instead of filling memory. Resolves when the stream is over.
 */
export async function serveSse(request: SseRequest, res: ServerResponse): Promise<void> {
  const { ctx, path } = request;
  // The same object the context writes its rate-limit answers into.
  const headers = request.headers ?? new Headers();
  const procedure = (appRouter._def.procedures as Record<string, unknown>)[path] as
    { _def: { type: string } } | undefined;
  if (procedure?._def.type !== "subscription") {
    const cause = new TRPCError({ code: "NOT_FOUND", message: `No subscription "${path}"` });
    await answerError(res, cause, ctx, headers);
    return;
  }
  const input: Record<string, string> = { ...request.params };
  if (request.lastEventId) input.lastEventId = request.lastEventId;
  const stop = new AbortController();
  let iterator: AsyncIterator<unknown> | undefined;
  // A flag rather than `stop.signal.aborted`: checked for every event of every subscriber.
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    res.off("close", finish);
    stop.abort();
    void iterator?.return?.().catch(() => undefined);
  };
  // The client went away (or the response ended).
  res.on("close", finish);
  try {
    const result: unknown = await callTRPCProcedure({
      router: appRouter,
      path,
      getRawInput: () => Promise.resolve(input),
      ctx,
      type: "subscription",
      signal: stop.signal,
      batchIndex: 0,
    });
    iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  } catch (cause) {
    finish();
    if (!res.destroyed) await answerError(res, cause, ctx, headers);
    return;
  }
  if (ended) {
    // The client left while the procedure was starting.
    void iterator.return?.().catch(() => undefined);
    return;
  }
  setHeaders(res, headers);
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    // no-transform also keeps Next's compression off: gzip would hold frames back.
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // Tells nginx-style proxies not to buffer the stream.
    "x-accel-buffering": "no",
  });
  res.write(OPEN_FRAME);
  const ping = setInterval(() => res.write(PING_FRAME), request.pingMs ?? 15_000);
  try {
    for (;;) {
      const next = await iterator.next();
      if (ended) return;
      if (next.done) {
        res.end(END_FRAME);
        return;
      }
      if (!res.write(dataFrame(next.value))) await drained(res);
    }
  } catch (cause) {
    if (ended) return;
    const error = describeError(getTRPCErrorFromUnknown(cause), ctx.locale, ctx.requestId);
    if (error.code === "INTERNAL")
      ctx.log.error({ err: cause, path }, "subscription failed mid-stream");
    res.end(failureFrame(restError(error)));
  } finally {
    clearInterval(ping);
    finish();
  }
}
