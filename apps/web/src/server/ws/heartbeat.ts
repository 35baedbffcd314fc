import type { WebSocket } from "ws";

/**
 * WebSocket-level heartbeats for the action socket: a ping frame every
 * `pingMs`; a peer that has not answered the previous one by then is gone
 * (a dropped network sends no close) and its socket is terminated, which
 * ends its subscriptions. Browsers and `ws` answer pings by themselves.
 */
export function keepAlive(socket: WebSocket, pingMs = 30_000): void {
  let answered = true;
  socket.on("pong", () => (answered = true));
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, pingMs);
  timer.unref();
  socket.once("close", () => clearInterval(timer));
}
