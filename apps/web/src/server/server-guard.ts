import { getEnv } from "@guildhall/core/env";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { allowedMethods, apiRefusal, methodNotAllowed } from "./allowed-methods";
import { countedRefusal } from "./guard-count";
import { apiPolicy, securityHeaders, servesPages } from "./security-headers";

/**
 * What the Node server settles before Next sees a request:
 * - requests Next cannot even turn into a fetch `Request`: TRACE (a forbidden
 *   method of the Fetch standard; `new Request` throws, which ended in a 500
 *   and a stack in the log) and asterisk-form targets (`OPTIONS *`, an
 *   "Invalid URL" 500);
 * - paths whose percent-escapes are no UTF-8 (Next's router would answer its
 *   HTML 400);
 * - API paths: a method the path does not answer (405 + Allow, our error
 *   shape), and the API's security headers on every answer. API requests do
 *   not go through Next's proxy at all: a proxy makes Next buffer each request
 *   body (up to 10 MB) before the route runs, which would undo the routes'
 *   body limits. Pages (and /api/docs) get their nonce-based headers from the
 *   proxy (src/proxy.ts).
 * (TRACK and unknown method names never get this far: Node's parser answers
 * 400; CONNECT closes the connection.)
 */
const fetchForbidden: ReadonlySet<string> = new Set(["TRACE"]);
const everyMethod = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const guarded = Symbol.for("guildhall.serverGuard");

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const pathOf = (req: IncomingMessage) => (req.url ?? "/").split("?")[0] ?? "/";

/** A path with a percent-escape that is no UTF-8 (`%E0%A4%A`, `%FF`). */
function malformedPath(path: string): boolean {
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  return headers;
}

/** The answer of a request Next must not see, or null to hand it on. */
function refusal(req: IncomingMessage): Response | "asterisk" | null {
  const path = pathOf(req);
  const method = req.method ?? "GET";
  if (!path.startsWith("/")) return "asterisk";
  if (malformedPath(path))
    return apiRefusal(headersOf(req), "VALIDATION_FAILED", {
      fieldErrors: { path: ["errors.badPathParameter"] },
    });
  const allow = allowedMethods(path);
  if (fetchForbidden.has(method) || (!servesPages(path) && !allow.includes(method)))
    return methodNotAllowed(path, headersOf(req), allow);
  return null;
}

async function answer(req: IncomingMessage, res: ServerResponse, refusal: Response | "asterisk") {
  if (refusal === "asterisk") {
    // `OPTIONS *` asks about the server as a whole; any other method there is malformed.
    res.writeHead(req.method === "OPTIONS" ? 204 : 400, { allow: everyMethod.join(", ") });
    res.end();
    return;
  }
  const refused = pathOf(req).startsWith("/api/")
    ? await countedRefusal(headersOf(req), req.socket.remoteAddress ?? null, refusal)
    : refusal;
  const out: Record<string, string> = {};
  refused.headers.forEach((value, name) => (out[name] = value));
  res.writeHead(refused.status, out);
  res.end(await refused.text());
}

/** Wraps the server's request listeners (once per server). */
function guard(server: Server): void {
  const flagged = server as Server & { [guarded]?: true };
  if (flagged[guarded]) return;
  flagged[guarded] = true;
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const refused = refusal(req);
    // API answers and every refusal (plain text or JSON, never a page) get the API's headers.
    if (refused || !servesPages(pathOf(req))) {
      const https = getEnv().PUBLIC_URL?.startsWith("https:") ?? false;
      for (const [name, value] of Object.entries(securityHeaders(apiPolicy, https)))
        res.setHeader(name, value);
    }
    if (refused) return void answer(req, res, refused).catch(() => res.destroy());
    for (const listener of listeners) listener.call(server, req, res);
  });
}

/**
 * Node announces each request on this channel just before emitting it, so the
 * guard is in place from the first request on (this runs at server start).
 */
export function guardServer(): void {
  subscribe("http.server.request.start", (message) => {
    guard((message as { server: Server }).server);
  });
}
