import { createServer, type IncomingMessage, type Server } from "node:http";
import { freePort } from "../server";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (chunk: Buffer) => (data += chunk.toString()));
    req.on("end", () => resolve(data));
  });

/** A local HTTP stand-in for an external service: `handle` answers each request. */
export abstract class StandInServer {
  private server: Server | undefined;
  url = "";

  protected abstract handle(req: IncomingMessage): Promise<Reply>;

  async start() {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers = {}, body = "" }) => {
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
  }

  stop() {
    return new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
