import { callTRPCProcedure, getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { describeError, type ErrorBody } from "../format-error";
import { appRouter } from "../root";
import { dataFrame, END_FRAME, failureFrame, OPEN_FRAME, PING_FRAME } from "./frames";

export interface SseRequest {
  /** The subscription's procedure path, e.g. `tickets.watch`. */
  path: string;
  ctx: Context;
  /** Query parameters (flat strings), validated by the procedure's own input. */
  params: Record<string, string>;
  /** A reconnecting EventSource's Last-Event-ID header (wins over `?lastEventId=`). */
  lastEventId: string | null;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  /** Headers the context collected (rate-limit answers), sent with the response. */
  headers?: Headers;
  pingMs?: number;
}

/** The REST error shape: `{ code, message, fieldErrors, requestId, ...details }`. */
export function restError(body: ErrorBody): Record<string, unknown> {
  const { httpStatus: _status, details, ...rest } = body;
  return { ...rest, ...details };
}

function errorResponse(cause: unknown, ctx: Context, headers?: Headers): Response {
  const body = describeError(getTRPCErrorFromUnknown(cause), ctx.locale, ctx.requestId);
  return Response.json(restError(body), { status: body.httpStatus, headers });
}

/**
 * Any subscription as a plain Server-Sent-Events response (for consumers
 * without the typed client): the procedure runs with its middleware and
 * checks exactly as over tRPC; refusals before the stream starts are ordinary
 * JSON error answers; then each yielded value is one `data:` frame (with
 * `id:` when tracked), `: ping` comments keep the connection open, and
 * `event: end` says the server ended it. Values shared by many subscribers
 * are serialized once (`dataFrame`). The stream pulls the next value only
 * when the client has taken the last one, so a slow reader lags behind on
 * the bus (which keeps the events) instead of filling memory.
 */
export async function openSseStream(request: SseRequest): Promise<Response> {
  const { ctx, path } = request;
  // The same object the context writes its rate-limit answers into.
  const headers = request.headers ?? new Headers();
  const procedure = (appRouter._def.procedures as Record<string, unknown>)[path] as
    { _def: { type: string } } | undefined;
  if (procedure?._def.type !== "subscription") {
    const cause = new TRPCError({ code: "NOT_FOUND", message: `No subscription "${path}"` });
    return errorResponse(cause, ctx, headers);
  }
  const input: Record<string, string> = { ...request.params };
  if (request.lastEventId) input.lastEventId = request.lastEventId;
  const stop = new AbortController();
  let iterator: AsyncIterator<unknown> | undefined;
  let ping: NodeJS.Timeout | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearInterval(ping);
    request.signal.removeEventListener("abort", finish);
    stop.abort();
    void iterator?.return?.().catch(() => undefined);
  };
  request.signal.addEventListener("abort", finish, { once: true });
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
    return errorResponse(cause, ctx, headers);
  }
  const values = iterator;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(OPEN_FRAME);
        ping = setInterval(() => controller.enqueue(PING_FRAME), request.pingMs ?? 15_000);
      },
      async pull(controller) {
        try {
          const next = await values.next();
          if (finished) return;
          if (next.done) {
            controller.enqueue(END_FRAME);
            finish();
            controller.close();
            return;
          }
          controller.enqueue(dataFrame(next.value));
        } catch (cause) {
          if (finished) return;
          const error = describeError(getTRPCErrorFromUnknown(cause), ctx.locale, ctx.requestId);
          if (error.code === "INTERNAL")
            ctx.log.error({ err: cause, path }, "subscription failed mid-stream");
          controller.enqueue(failureFrame(restError(error)));
          finish();
          controller.close();
        }
      },
      cancel: finish,
    },
    { highWaterMark: 1 },
  );
  headers.set("content-type", "text/event-stream; charset=utf-8");
  headers.set("cache-control", "no-cache, no-transform");
  headers.set("connection", "keep-alive");
  // Tells nginx-style proxies not to buffer the stream.
  headers.set("x-accel-buffering", "no");
  return new Response(body, { status: 200, headers });
}
