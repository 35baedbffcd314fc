/**
 * The fan-out baseline: a bare Node SSE broadcast in its own process, as the
 * Guildhall server is. GET opens a stream; POST writes its body as one
 * frame (`id:` and `data:`) to every open stream, then answers.
 */
import { createServer, type ServerResponse } from "node:http";

const port = Number(process.argv[2] ?? 3331);
const streams = new Set<ServerResponse>();
let sent = 0;

createServer((req, res) => {
  if (req.method === "POST") {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      // With an id, as Guildhall's tracked frames have.
      const frame = `id: ${++sent}\ndata: ${body}\n\n`;
      for (const stream of streams) stream.write(frame);
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
