import { getEnv } from "@guildhall/core/env";
import next from "next";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { attachSockets } from "../ws/upgrade";
import { requestListener } from "./listener";
import { startServices } from "./startup";

/**
 * The app's folder (the Next build's): the nearest one above this file with
 * next.config.ts, whether this runs from source (src/server/node/) or from
 * the bundle (dist/server.mjs).
 */
function webDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "next.config.ts"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("next.config.ts not found above the server");
    dir = parent;
  }
  return dir;
}

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
  const app = next({ dev, dir: webDir(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const server = createServer(requestListener(app.getRequestHandler()));
  const sockets = attachSockets(server, dev ? app.getUpgradeHandler() : null);
  const stop = () => {
    sockets.close();
    // Exits once the last request has been answered; streams and slow requests hold it 1 s at most.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 1_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`Guildhall ${dev ? "(dev) " : ""}on http://${hostname ?? "localhost"}:${port}`);
}
