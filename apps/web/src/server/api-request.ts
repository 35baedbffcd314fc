import { countBeforeProcedure, requestIdFrom, type Context } from "@guildhall/api";
import type { TRPCError } from "@trpc/server";
import { cookieSessionFrom } from "./cookie-session";
import { contextFromRequest, type RequestHead } from "./context";
import { asTrpcError } from "./rest-errors";

/**
 * The one place every API answer (REST, tRPC, SSE, WebSocket) gets its request id and
 * its global-bucket count: the context is made before anything about the
 * request is checked, so a refusal that comes before any procedure (malformed
 * JSON, unknown path, wrong method, unsupported media type, body too large)
 * carries the same `x-request-id` and X-RateLimit-* headers as a procedure's
 * answer. The request id is the caller's `x-request-id` when it is sane
 * (`requestIdFrom`: up to 64 of `[A-Za-z0-9_.-]`, a proxy's), otherwise a new uuid.
 */
export async function apiContext(
  req: RequestHead,
): Promise<{ ctx: Context } | { requestId: string; cause: unknown }> {
  try {
    const readCookie = () => cookieSessionFrom(req.headers);
    return { ctx: await contextFromRequest(req, readCookie, new Headers()) };
  } catch (cause) {
    // The database is unreachable: an INTERNAL answer, still with an id.
    return { requestId: requestIdFrom(req.headers), cause };
  }
}

/**
 * Counts an answer no procedure counted in the caller's global bucket
 * (`countBeforeProcedure`), so cheap failures are not free; the refusal to
 * answer instead when that bucket is empty (429 RATE_LIMITED), else null.
 * Afterwards `ctx.resHeaders` holds every header the answer must carry.
 */
export async function countAnswer(ctx: Context): Promise<TRPCError | null> {
  const limited = await countBeforeProcedure(ctx);
  return limited ? asTrpcError(limited) : null;
}

/** `source` (the context's response headers) onto a response's, cookies appended. */
export function mergeHeaders(target: Headers, source: Headers): void {
  source.forEach((value, key) => {
    if (key !== "set-cookie") target.set(key, value);
  });
  for (const cookie of source.getSetCookie()) target.append("set-cookie", cookie);
}
