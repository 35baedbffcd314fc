import { createURL } from "@trpc/server/adapters/node-http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHeaders } from "./node-headers";

/**
 * A request body as a web stream, read with backpressure (the socket pauses
 * while the handler has not asked for more). Cancelling it, as a handler does
 * on a body over its limit, discards the rest of the upload instead of
 * destroying the socket (what tRPC's `incomingMessageToRequest` does), so the
 * refusal still reaches the client.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  const onData = (controller: ReadableStreamDefaultController<Uint8Array>) => (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 1) <= 0) req.pause();
  };
  let listener: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        listener = onData(controller);
        req.on("data", listener);
        req.once("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.once("error", (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        done = true;
        if (listener) req.off("data", listener);
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/**
 * A Node request as a fetch `Request` for our fetch-style handlers: URL and
 * headers as tRPC's Node adapter makes them, the body streamed (`bodyOf`),
 * and a signal aborted when the client goes away before the answer is done.
 */
export function fetchRequest(req: IncomingMessage, res: ServerResponse): Request {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.once("close", onClose);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(createURL(req), {
    method,
    headers: nodeHeaders(req),
    signal: controller.signal,
    ...(hasBody ? { body: bodyOf(req), duplex: "half" } : {}),
  });
}
