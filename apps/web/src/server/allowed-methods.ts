import { errorCodes } from "@guildhall/core/errors";
import { resolveLocale, translate } from "@guildhall/core/i18n";

/**
 * The methods each kind of path answers. Anything else (TRACE, which the
 * fetch `Request` cannot even represent and which used to end in a 500, or a
 * known method a route does not export) is refused by the proxy with 405.
 * Keep in step with the routes' exports under src/app and src/pages.
 */
const table: [prefix: string, methods: string[]][] = [
  ["/api/v1/sse/", ["GET"]],
  ["/api/v1/", ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]],
  ["/api/trpc/", ["GET", "HEAD", "POST", "OPTIONS"]],
  ["/api/auth/", ["GET", "HEAD", "POST", "OPTIONS"]],
  ["/api/", ["GET", "HEAD", "OPTIONS"]],
  // Pages, Next's assets; OPTIONS is answered by the proxy itself.
  ["/", ["GET", "HEAD", "OPTIONS"]],
];

export function allowedMethods(pathname: string): string[] {
  return table.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? ["GET", "HEAD"];
}

/** The same rule as the API context: a sane incoming id is kept, otherwise a new one. */
function requestIdOf(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
}

/** 405 with `Allow`; on /api paths in our error shape and the caller's language. */
export function methodNotAllowed(pathname: string, headers: Headers, allow: string[]): Response {
  const head = { allow: allow.join(", ") };
  if (!pathname.startsWith("/api/"))
    return new Response("Method Not Allowed\n", {
      status: 405,
      headers: { ...head, "content-type": "text/plain; charset=utf-8" },
    });
  const requestId = requestIdOf(headers);
  const locale = resolveLocale(null, headers.get("accept-language"));
  const code = "METHOD_NOT_SUPPORTED";
  return Response.json(
    { code, message: translate(locale, errorCodes[code].key), fieldErrors: {}, requestId },
    { status: errorCodes[code].http, headers: { ...head, "x-request-id": requestId } },
  );
}
