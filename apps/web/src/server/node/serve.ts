import { getEnv } from "@guildhall/core/env";
import next from "next";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { attachSockets } from "../ws/upgrade";
import { requestListener } from "./listener";
import { startServices } from "./startup";

const webDir = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * One Node HTTP server for every transport (the way tRPC's Next + WebSocket
 * examples do it): the API on our own handlers (src/server/node/listener.ts),
 * WebSocket upgrades on /api/ws and /api/ws/actions, and pages, next-auth and
 * assets through Next's request handler. Services start before the port
 * opens; SIGTERM/SIGINT close sockets (1001) and stop.
 */
export async function serve({ dev }: { dev: boolean }): Promise<void> {
  const env = getEnv();
  const hostname = env.HOST;
  const port = env.PORT;
  await startServices();
  const app = next({ dev, dir: webDir, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const server = createServer(requestListener(app.getRequestHandler()));
  const sockets = attachSockets(server, dev ? app.getUpgradeHandler() : null);
  const stop = () => {
    sockets.close();
    server.close();
    server.closeIdleConnections();
    // Streams and slow requests do not hold the exit.
    setTimeout(() => process.exit(0), 1_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`Guildhall ${dev ? "(dev) " : ""}on http://${hostname ?? "localhost"}:${port}`);
}
