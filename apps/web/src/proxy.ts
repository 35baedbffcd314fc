import { getEnv } from "@guildhall/core/env";
import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, methodNotAllowed } from "~/server/allowed-methods";
import {
  apiPolicy,
  createNonce,
  pagePolicy,
  securityHeaders,
  servesPages,
} from "~/server/security-headers";

/**
 * Runs before every page: refuses methods the path does not answer (405 +
 * Allow), and sets the security headers. Pages get a fresh CSP nonce, handed
 * to the render in the request's Content-Security-Policy header, where Next
 * reads it and puts it on its own scripts. Only headers are touched, so
 * streamed answers (SSE, tRPC streams) pass straight through.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const method = request.method.toUpperCase();
  const allow = allowedMethods(pathname);
  const env = getEnv();
  const https = env.PUBLIC_URL?.startsWith("https:") ?? false;
  const pages = servesPages(pathname);
  const nonce = pages ? createNonce() : null;
  const csp = nonce ? pagePolicy(nonce, https, env.NODE_ENV === "development") : apiPolicy;
  const headers = securityHeaders(csp, https);

  let response: Response;
  if (!allow.includes(method)) response = methodNotAllowed(pathname, request.headers, allow);
  else if (method === "OPTIONS" && !pathname.startsWith("/api/"))
    response = new Response(null, { status: 204, headers: { allow: allow.join(", ") } });
  else if (nonce) {
    const forwarded = new Headers(request.headers);
    forwarded.set("content-security-policy", csp);
    forwarded.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers: forwarded } });
  } else response = NextResponse.next();

  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Pages only (and /api/docs, a page). API requests are settled at the Node
 * server (src/server/server-guard.ts): with a proxy in their way Next would
 * buffer each request body before the route's own body limit could refuse it.
 */
export const config = { matcher: ["/((?!api/).*)", "/api/docs"] };
