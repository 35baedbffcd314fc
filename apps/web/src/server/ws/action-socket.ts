import { openActionConnection } from "@guildhall/api/ws-actions";
import { getEnv } from "@guildhall/core/env";
import type { WebSocketServer } from "ws";
import { watchCredentials } from "./credential-watch";
import { keepAlive } from "./heartbeat";
import { contextFactory, socketContext } from "./socket-context";

/**
 * `/api/ws/actions`: the action protocol for clients without the typed client
 * (docs/ws-actions.md, AsyncAPI at /api/asyncapi.json). The protocol itself
 * lives in @guildhall/api/ws-actions; this wires it to real sockets: the
 * token of the first message is checked as an HTTP request's bearer token
 * would be, each action gets a fresh context of that principal, and the
 * socket closes when the session ends or the token expires.
 */
export function serveActionSockets(wss: WebSocketServer): void {
  wss.on("connection", (socket, req) => {
    keepAlive(socket);
    const connection = openActionConnection(socket, {
      authTimeoutMs: getEnv().WS_AUTH_TIMEOUT_SECONDS * 1000,
      authenticate: async (token) => {
        const ctx = await socketContext(req, { token });
        return ctx?.principal ? contextFactory(ctx, req) : null;
      },
      // The protocol closes on the token's expiry itself; the session is watched here.
      onAuthenticated: (ctx) => watchCredentials(socket, ctx.principal, ctx.db, { expiry: false }),
    });
    socket.on("message", (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(new Uint8Array(data));
      void connection.receive(isBinary ? bytes : bytes.toString("utf8"));
    });
    socket.once("close", () => connection.closed());
  });
}
