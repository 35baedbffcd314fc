import { appRouter, type Context } from "@guildhall/api";
import { resolveLocale } from "@guildhall/core";
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getErrorShape, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import { randomUUID } from "node:crypto";

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
export function trpcFailure(req: Request, endpoint: string, error: TRPCError): Response {
  const url = new URL(req.url);
  const paths = trpcPaths(url, endpoint);
  // Only what the formatter reads of a context: the language and the request id.
  const ctx = {
    locale: resolveLocale(null, req.headers.get("accept-language")),
    requestId: randomUUID(),
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
