/**
 * The fan-out baseline: a bare Node SSE broadcast in its own process, as the
 * Guildhall server is. GET opens a stream; POST writes its body as one
 * `data:` frame to every open stream, then answers.
 */
import { createServer, type ServerResponse } from "node:http";

const port = Number(process.argv[2] ?? 3331);
const streams = new Set<ServerResponse>();

createServer((req, res) => {
  if (req.method === "POST") {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      for (const stream of streams) stream.write(`data: ${body}\n\n`);
      res.end("ok");
    });
    return;
  }
  if (req.url === "/health") {
    res.end("ok");
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(": hi\n\n");
  streams.add(res);
  req.on("close", () => streams.delete(res));
}).listen(port, "127.0.0.1");
