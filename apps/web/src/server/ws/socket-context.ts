import { createContext, type Context } from "@guildhall/api";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { apiContext } from "../api-request";
import { nodeHeaders } from "../node/node-headers";

/** What a socket client may say about itself once connected (tRPC's connectionParams). */
export interface SocketCredentials {
  token?: unknown;
  hub?: unknown;
  locale?: unknown;
}

/** A value fit for a header: printable ASCII, bounded; anything else is dropped (or, for a token, refused). */
function headerValue(value: unknown, max: number): string | null {
  return typeof value === "string" && value.length <= max && /^[\x20-\x7e]*$/.test(value)
    ? value
    : null;
}

/**
 * The context of a socket, built by the same code as every HTTP request's
 * (`apiContext`): the principal from a bearer token (the upgrade request's
 * `Authorization`, or the token the client sent after connecting), else the
 * dashboard cookie. The handshake counts as a write for the cookie: it is
 * only believed when the browser says the page is ours (Sec-Fetch-Site or
 * Origin), so another site cannot open a socket with a visitor's cookie.
 * Null when the database cannot be reached.
 */
export async function socketContext(
  req: IncomingMessage,
  credentials: SocketCredentials = {},
): Promise<Context | null> {
  const headers = nodeHeaders(req);
  if (credentials.token) {
    // A token that is no header value names nobody: the socket's calls answer INVALID_TOKEN.
    headers.set("authorization", `Bearer ${headerValue(credentials.token, 4096) ?? "-"}`);
  }
  const hub = headerValue(credentials.hub, 64);
  if (hub) headers.set("x-hub", hub);
  const locale = headerValue(credentials.locale, 128);
  if (locale) headers.set("accept-language", locale);
  const made = await apiContext({
    method: "WEBSOCKET",
    headers,
    transport: "ws",
  });
  return "ctx" in made ? made.ctx : null;
}

/**
 * Fresh contexts for one socket's calls (the action protocol): the principal
 * found at sign-in, a new request id and response headers per call.
 */
export function contextFactory(first: Context, req: IncomingMessage): () => Context {
  const headers = nodeHeaders(req);
  return () =>
    createContext({
      db: first.db,
      dbKind: first.dbKind,
      headers,
      principal: first.principal,
      peer: req.socket.remoteAddress ?? null,
      transport: "ws",
      bus: first.bus,
      requestId: randomUUID(),
    });
}
