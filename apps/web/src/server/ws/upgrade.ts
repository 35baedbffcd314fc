import type { UpgradeHandler } from "next/dist/server/next";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { largestActionFrameBytes } from "@guildhall/api/ws-actions";
import { stampPeer } from "../peer";
import { serveActionSockets } from "./action-socket";
import { SOCKET_CLOSE } from "./close-codes";
import { serveTrpcSockets } from "./trpc-socket";

/** Answers an upgrade that no socket serves with a plain 404, then closes. */
function refuseUpgrade(socket: Duplex): void {
  socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
}

export interface Sockets {
  /** Closes every socket (1001) and stops accepting new ones. */
  close(): void;
}

/**
 * WebSocket upgrades on the server: `/api/ws` (the typed client, tRPC's
 * protocol) and `/api/ws/actions` (the action protocol). Any other upgrade
 * goes to Next (its dev server's hot reload) when given, else is refused.
 */
export function attachSockets(server: Server, nextUpgrade: UpgradeHandler | null): Sockets {
  // A frame may be as large as the largest procedure input (an upload); larger ones close 1009 unread.
  const options = {
    noServer: true,
    maxPayload: largestActionFrameBytes(),
    perMessageDeflate: false,
  };
  const trpc = new WebSocketServer(options);
  const actions = new WebSocketServer(options);
  const trpcHandler = serveTrpcSockets(trpc);
  serveActionSockets(actions);
  const routes: Record<string, WebSocketServer> = { "/api/ws": trpc, "/api/ws/actions": actions };
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    stampPeer(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const wss = routes[path];
    if (wss) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
      return;
    }
    if (nextUpgrade && !path.startsWith("/api/")) {
      void nextUpgrade(req, socket, head).catch(() => socket.destroy());
      return;
    }
    refuseUpgrade(socket);
  });
  return {
    close() {
      const { code, reason } = SOCKET_CLOSE.goingAway;
      trpcHandler.broadcastReconnectNotification();
      for (const wss of [trpc, actions]) {
        for (const client of wss.clients) client.close(code, reason);
        wss.close();
      }
    },
  };
}
