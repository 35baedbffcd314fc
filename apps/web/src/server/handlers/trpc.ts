import { appRouter, bodyLimitOf } from "@guildhall/api";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { apiContext, countAnswer, mergeHeaders } from "../api-request";
import { payloadTooLarge, withinBodyLimit } from "../body-limit";
import { trpcFailure, trpcPaths, withRequestId } from "../trpc-failure";

const endpoint = "/api/trpc";

/**
 * `/api/trpc`: queries, batched mutations, and subscriptions as Server-Sent
 * Events. A fetch handler served on the Node server by `serveFetch` (the same
 * Request/Response bridge tRPC's own Node adapter is made of), so the checks
 * around tRPC (body limit per batch, the global bucket, request ids on
 * refusals) stay in one place.
 */
export async function handleTrpc(original: Request): Promise<Response> {
  const made = await apiContext({ method: original.method, headers: original.headers });
  if (!("ctx" in made)) {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: made.cause });
    return trpcFailure(original, endpoint, error, made.requestId);
  }
  const { ctx } = made;
  // A batch may carry as much as the most generous of its procedures (uploads).
  const limit = bodyLimitOf(trpcPaths(new URL(original.url), endpoint));
  const req = await withinBodyLimit(original, limit);
  let response = req
    ? await fetchRequestHandler({
        endpoint,
        req,
        router: appRouter,
        createContext: () => Promise.resolve(ctx),
        allowMethodOverride: true,
      })
    : trpcFailure(original, endpoint, payloadTooLarge(limit), ctx.requestId);
  const limited = await countAnswer(ctx);
  if (limited) response = trpcFailure(original, endpoint, limited, ctx.requestId);
  else if (!response.ok) response = await withRequestId(response, ctx.requestId);
  mergeHeaders(response.headers, ctx.resHeaders);
  return response;
}
