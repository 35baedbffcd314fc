import { appRouter } from "@guildhall/api";
import { TRPCError } from "@trpc/server";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import type { WebSocketServer } from "ws";
import { watchCredentials, type WatchedSocket } from "./credential-watch";
import { socketContext } from "./socket-context";

/** Heartbeats: a ping every 30 s; a client that does not answer within 10 s is dropped. */
const keepAlive = { enabled: true, pingMs: 30_000, pongWaitMs: 10_000 };

/**
 * `/api/ws`: the typed client's WebSocket transport (tRPC's own WebSocket
 * adapter on the server's upgrade). One context per connection, built like an
 * HTTP request's: the token comes in the upgrade's `Authorization` header or
 * in the client's `connectionParams` (`{ token, hub, locale }`: browsers can
 * set no header on a socket), else the dashboard cookie. Procedures run with
 * the same middleware, limits and errors; subscriptions keep their
 * `tracked()` ids, and the client resumes after the last one on reconnect.
 * The socket closes when its session ends or its token expires
 * (`watchCredentials`).
 */
export function serveTrpcSockets(wss: WebSocketServer) {
  return applyWSSHandler({
    wss,
    router: appRouter,
    keepAlive,
    createContext: async ({ req, res, info }) => {
      const ctx = await socketContext(req, info.connectionParams ?? {});
      if (!ctx) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
      // tRPC's typings name `ws`'s WebSocket, whose types it cannot reach from its own folder.
      watchCredentials(res as WatchedSocket, ctx.principal, ctx.db);
      return ctx;
    },
  });
}
