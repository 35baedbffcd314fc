import { requestIdFrom } from "@guildhall/api";
import { errorCodes, type ErrorCode } from "@guildhall/core/errors";
import { resolveLocale, translate, type MessageKey } from "@guildhall/core/i18n";

/**
 * The methods each kind of path answers. Anything else (TRACE, which the
 * fetch `Request` cannot even represent and which used to end in a 500, or a
 * known method a route does not export) is refused by the proxy with 405.
 * Keep in step with the handlers of src/server/node/listener.ts and the
 * routes' exports under src/app.
 */
const table: [prefix: string, methods: string[]][] = [
  ["/api/v1/sse/", ["GET"]],
  ["/api/v1/", ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]],
  ["/api/trpc/", ["GET", "HEAD", "POST", "OPTIONS"]],
  ["/api/auth/", ["GET", "HEAD", "POST", "OPTIONS"]],
  ["/api/", ["GET", "HEAD", "OPTIONS"]],
  ["/.well-known/", ["GET", "HEAD", "OPTIONS"]],
  // Pages (POST: their server actions, e.g. /confirm-email), Next's assets; OPTIONS is
  // answered by the proxy itself.
  ["/", ["GET", "HEAD", "POST", "OPTIONS"]],
];

export function allowedMethods(pathname: string): string[] {
  return table.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? ["GET", "HEAD"];
}

/** A refusal before any route, on /api paths in our error shape and the caller's language. */
export function apiRefusal(
  headers: Headers,
  code: ErrorCode,
  options: { headers?: Record<string, string>; fieldErrors?: Record<string, MessageKey[]> } = {},
): Response {
  const requestId = requestIdFrom(headers);
  const locale = resolveLocale(null, headers.get("accept-language"));
  const fieldErrors = Object.fromEntries(
    Object.entries(options.fieldErrors ?? {}).map(([field, keys]) => [
      field,
      keys.map((key) => translate(locale, key)),
    ]),
  );
  return Response.json(
    { code, message: translate(locale, errorCodes[code].key), fieldErrors, requestId },
    { status: errorCodes[code].http, headers: { ...options.headers, "x-request-id": requestId } },
  );
}

/** 405 with `Allow`; on /api paths in our error shape and the caller's language. */
export function methodNotAllowed(pathname: string, headers: Headers, allow: string[]): Response {
  const head = { allow: allow.join(", ") };
  if (!pathname.startsWith("/api/"))
    return new Response("Method Not Allowed\n", {
      status: 405,
      headers: { ...head, "content-type": "text/plain; charset=utf-8" },
    });
  return apiRefusal(headers, "METHOD_NOT_SUPPORTED", { headers: head });
}
