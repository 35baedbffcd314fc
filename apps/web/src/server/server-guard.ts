import { getEnv } from "@guildhall/core/env";
import type { IncomingMessage, ServerResponse } from "node:http";
import { allowedMethods, apiRefusal, methodNotAllowed } from "./allowed-methods";
import { countedRefusal } from "./guard-count";
import { nodeHeaders } from "./node/node-headers";
import { apiPolicy, securityHeaders, servesPages } from "./security-headers";

/**
 * What the Node server settles before any handler (ours or Next's) sees a request:
 * - requests Next cannot even turn into a fetch `Request`: TRACE (a forbidden
 *   method of the Fetch standard; `new Request` throws, which ended in a 500
 *   and a stack in the log) and asterisk-form targets (`OPTIONS *`, an
 *   "Invalid URL" 500);
 * - paths whose percent-escapes are no UTF-8 (Next's router would answer its
 *   HTML 400);
 * - API paths: a method the path does not answer (405 + Allow, our error
 *   shape), and the API's security headers on every answer. API requests do
 *   not go through Next at all (src/server/node/listener.ts). Pages (and
 *   /api/docs) get their nonce-based headers from Next's proxy (src/proxy.ts).
 * (TRACK and unknown method names never get this far: Node's parser answers
 * 400; CONNECT closes the connection.)
 */
const fetchForbidden: ReadonlySet<string> = new Set(["TRACE"]);
const everyMethod = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
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

/** The answer of a request Next must not see, or null to hand it on. */
function refusal(req: IncomingMessage): Response | "asterisk" | null {
  const path = pathOf(req);
  const method = req.method ?? "GET";
  if (!path.startsWith("/")) return "asterisk";
  if (malformedPath(path))
    return apiRefusal(nodeHeaders(req), "VALIDATION_FAILED", {
      fieldErrors: { path: ["errors.badPathParameter"] },
    });
  const allow = allowedMethods(path);
  if (fetchForbidden.has(method) || (!servesPages(path) && !allow.includes(method)))
    return methodNotAllowed(path, nodeHeaders(req), allow);
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
    ? await countedRefusal(nodeHeaders(req), req.socket.remoteAddress ?? null, refusal)
    : refusal;
  const out: Record<string, string> = {};
  refused.headers.forEach((value, name) => (out[name] = value));
  res.writeHead(refused.status, out);
  res.end(await refused.text());
}

/**
 * Settles what must not reach a handler (see above) and sets the API's
 * security headers on API answers and every refusal. True when the request
 * was answered here.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const refused = refusal(req);
  // API answers and every refusal (plain text or JSON, never a page) get the API's headers.
  if (refused || !servesPages(pathOf(req))) {
    const https = getEnv().PUBLIC_URL?.startsWith("https:") ?? false;
    for (const [name, value] of Object.entries(securityHeaders(apiPolicy, https)))
      res.setHeader(name, value);
  }
  if (!refused) return false;
  void answer(req, res, refused).catch(() => res.destroy());
  return true;
}
