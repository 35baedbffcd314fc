import { createContext, type Context, type Transport } from "@guildhall/api";
import { resolvePrincipal, sessionPrincipal } from "@guildhall/core/identity";
import { busFor } from "@guildhall/core/realtime";
import { getDatabase } from "@guildhall/core/runtime";
import { requestHost } from "./origin";
import { peerAddress } from "./peer";

/** The session id and user a dashboard cookie names. */
export interface CookieSession {
  sid: string;
  sub: string;
}

/** What the context needs of a request: a fetch `Request`, or a Node request's method and headers. */
export interface RequestHead {
  method: string;
  headers: Headers;
  /** Set by the REST route ("rest"), the plain SSE route ("sse") and the sockets ("ws"); tRPC otherwise. */
  transport?: Transport;
}

/**
 * A cookie may only act for requests from our own pages (no cross-site
 * writes). An Origin that is no URL (`null`: sandboxed frames, some
 * redirects) is not ours.
 */
function sameOrigin(req: RequestHead): boolean {
  if (req.method === "GET" || req.method === "HEAD") return true;
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = req.headers.get("origin");
  if (!origin) return true;
  return URL.canParse(origin) && new URL(origin).host === requestHost(req.headers);
}

/**
 * Per-request context for the route handlers (tRPC, REST and SSE). The
 * principal comes from `Authorization: Bearer` (access or application token)
 * or else from the dashboard's next-auth cookie (read by `readCookie`: the
 * route's own reader, as next-auth is what imports this file's users); either
 * way the session is re-checked. An `Authorization` header that names no live
 * session or token is never replaced by the cookie; it marks the context
 * `credentialsRejected` (INVALID_TOKEN).
 */
export async function contextFromRequest(
  req: RequestHead,
  readCookie: () => Promise<CookieSession | null>,
  resHeaders?: Headers,
): Promise<Context> {
  const handle = await getDatabase();
  const authorization = req.headers.get("authorization")?.trim() || null;
  let principal = await resolvePrincipal(handle.db, authorization);
  if (!principal && !authorization && sameOrigin(req)) {
    // The cookie names a browser session, which sessionPrincipal reports as via "session".
    const session = await readCookie();
    principal = session ? await sessionPrincipal(handle.db, session) : null;
  }
  return createContext({
    db: handle.db,
    dbKind: handle.kind,
    headers: req.headers,
    resHeaders,
    principal,
    // Credentials were sent and named nobody: INVALID_TOKEN where a principal is needed.
    credentialsRejected: authorization !== null && !principal,
    peer: peerAddress(req.headers),
    transport: req.transport ?? "trpc",
    bus: busFor(handle),
  });
}
