import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { allowedMethods, apiRefusal, methodNotAllowed } from "./allowed-methods";
import { apiPolicy, securityHeaders } from "./security-headers";

/**
 * Requests Next cannot even turn into a fetch `Request`: TRACE (a forbidden
 * method of the Fetch standard; `new Request` throws, which ended in a 500 and
 * a stack in the log before the proxy could run) and asterisk-form targets
 * (`OPTIONS *`, an "Invalid URL" 500). They are answered here, at the Node
 * server, before Next sees them, and so are paths whose percent-escapes
 * are no UTF-8 (Next's router would answer them with its HTML 400). (TRACK and unknown method names never get
 * this far: Node's parser answers 400; CONNECT closes the connection.)
 */
const fetchForbidden = new Set(["TRACE"]);
const everyMethod = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const guarded = Symbol.for("guildhall.forbiddenMethodsGuard");

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

async function refuse(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (!path.startsWith("/")) {
    // `OPTIONS *` asks about the server as a whole; any other method there is malformed.
    res.writeHead(req.method === "OPTIONS" ? 204 : 400, { allow: everyMethod.join(", ") });
    res.end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  const answer = malformedPath(req)
    ? apiRefusal(headers, "VALIDATION_FAILED", {
        fieldErrors: { path: ["errors.badPathParameter"] },
      })
    : methodNotAllowed(path, headers, allowedMethods(path));
  const out: Record<string, string> = securityHeaders(apiPolicy, false);
  answer.headers.forEach((value, name) => (out[name] = value));
  res.writeHead(answer.status, out);
  res.end(await answer.text());
}

/** A path with a percent-escape that is no UTF-8 (`%E0%A4%A`, `%FF`): Next would answer its HTML 400. */
function malformedPath(req: IncomingMessage): boolean {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

function needsRefusal(req: IncomingMessage): boolean {
  return (
    fetchForbidden.has(req.method ?? "") || !(req.url ?? "/").startsWith("/") || malformedPath(req)
  );
}

/** Wraps the server's request listeners (once per server) so refused requests never reach Next. */
function guard(server: Server): void {
  const flagged = server as Server & { [guarded]?: true };
  if (flagged[guarded]) return;
  flagged[guarded] = true;
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (needsRefusal(req)) return void refuse(req, res).catch(() => res.destroy());
    for (const listener of listeners) listener.call(server, req, res);
  });
}

/**
 * Node announces each request on this channel just before emitting it, so the
 * guard is in place from the first request on (this runs at server start).
 */
export function guardForbiddenMethods(): void {
  subscribe("http.server.request.start", (message) => {
    guard((message as { server: Server }).server);
  });
}
