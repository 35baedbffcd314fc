import { appRouter, type Context } from "@guildhall/api";
import { resolveLocale } from "@guildhall/core/i18n";
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getErrorShape, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // Malformed escapes name no procedure; tRPC answers NOT_FOUND for them.
    return path;
  }
}

/** The procedures a `/api/trpc/<a.b>,<c.d>` URL calls. */
export function trpcPaths(url: URL, endpoint: string): string[] {
  const rest = url.pathname.slice(endpoint.length).replace(/^\//, "");
  return rest ? rest.split(",").map(decodePath) : [];
}

/**
 * A refusal before any procedure ran, answered as tRPC itself answers
 * errors (one error per call of a batch, through our error formatter and
 * superjson), so tRPC clients read it like any other: `error.data.code`.
 */
export function trpcFailure(
  req: Request,
  endpoint: string,
  error: TRPCError,
  requestId: string,
): Response {
  const url = new URL(req.url);
  const paths = trpcPaths(url, endpoint);
  // Only what the formatter reads of a context: the language and the request id.
  const ctx = {
    locale: resolveLocale(null, req.headers.get("accept-language")),
    requestId,
  } as Context;
  const config = appRouter._def._config;
  const items = (paths.length ? paths : [undefined]).map((path) => ({
    error: getErrorShape({ config, error, type: "unknown", path, input: undefined, ctx }),
  }));
  const batch = url.searchParams.get("batch") === "1";
  const body = transformTRPCResponse(config, batch ? items : items[0]!);
  return Response.json(body, {
    status: getHTTPStatusCodeFromError(error),
    headers: { "x-request-id": ctx.requestId },
  });
}

interface ErrorItem {
  error?: { json?: { data?: { requestId?: string | null } } };
}

/**
 * A tRPC error answer whose errors carry `requestId`: tRPC refuses some
 * requests (an unsupported Content-Type, a body that is no JSON) before it
 * asks for the context, so its error formatter had no id to give them.
 */
export async function withRequestId(response: Response, requestId: string): Promise<Response> {
  const text = await response.text();
  let body: ErrorItem | ErrorItem[];
  try {
    body = JSON.parse(text) as ErrorItem | ErrorItem[];
  } catch {
    return new Response(text, { status: response.status, headers: response.headers });
  }
  for (const item of Array.isArray(body) ? body : [body]) {
    const data = item?.error?.json?.data;
    if (data && !data.requestId) data.requestId = requestId;
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return Response.json(body, { status: response.status, headers });
}
