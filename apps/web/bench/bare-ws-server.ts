/**
 * The WebSocket fan-out baseline: a bare `ws` broadcast in its own process,
 * as the Guildhall server is. A WebSocket on any path subscribes; POST writes
 * its body as one text frame to every open socket, then answers.
 */
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2] ?? 3341);

const server = createServer((req, res) => {
  if (req.method === "POST") {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      for (const socket of sockets.clients) socket.send(body);
      res.end("ok");
    });
    return;
  }
  res.statusCode = req.url === "/health" ? 200 : 404;
  res.end(req.url === "/health" ? "ok" : "");
});
// As Guildhall's sockets: no compression, the same frame limit.
const sockets = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 1024 * 1024 });
server.listen(port, "127.0.0.1");
