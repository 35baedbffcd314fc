import type { IncomingMessage, ServerResponse } from "node:http";
import { handleJwks } from "../handlers/jwks";
import { handleRest } from "../handlers/rest";
import { handleSse } from "../handlers/sse";
import { handleTrpc } from "../handlers/trpc";
import { failureBeforeProcedure } from "../rest-errors";
import { allowedMethods } from "../allowed-methods";
import { guardRequest } from "../server-guard";
import { nodeHeaders } from "./node-headers";
import { serveFetch } from "./serve-fetch";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const pathOf = (req: IncomingMessage) => (req.url ?? "/").split("?")[0] ?? "/";
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Which of our handlers serves `path`, or null for Next (pages, next-auth, files, docs). */
export function apiHandlerFor(path: string): NodeHandler | null {
  if (under(path, "/api/trpc")) return (req, res) => serveFetch(req, res, handleTrpc);
  if (path.startsWith("/api/v1/sse/")) return handleSse;
  if (under(path, "/api/v1")) return (req, res) => serveFetch(req, res, handleRest);
  if (path === "/.well-known/jwks.json") return (req, res) => serveFetch(req, res, handleJwks);
  return null;
}

/** A handler that threw (a bug, or the database gone mid-request): 500 in our shape, logged. */
function failed(req: IncomingMessage, res: ServerResponse, cause: unknown): void {
  console.error(cause);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const answer = failureBeforeProcedure(nodeHeaders(req), cause, crypto.randomUUID());
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => res.setHeader(name, value));
  void answer.text().then((body) => res.end(body));
}

/**
 * The HTTP server's one request listener: the guard first (methods, malformed
 * paths, security headers), then the API on our own handlers, straight on
 * Node (no Next request handling in the way: tRPC, REST, plain SSE, the
 * JWKS), and everything else (pages, next-auth, assets, /api/health, docs,
 * files) to Next's request handler.
 */
export function requestListener(next: NodeHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (guardRequest(req, res)) return;
    const path = pathOf(req);
    const api = apiHandlerFor(path);
    if (api && req.method === "OPTIONS") return optionsAnswer(path, res);
    (api ?? next)(req, res).catch((cause: unknown) => failed(req, res, cause));
  };
}

/** `OPTIONS` on an API path: 204 with the methods it answers (as Next answers it for routes). */
function optionsAnswer(path: string, res: ServerResponse): void {
  res.writeHead(204, { allow: allowedMethods(path).join(", ") });
  res.end();
}
