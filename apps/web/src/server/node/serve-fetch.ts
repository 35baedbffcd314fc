import { drained } from "@guildhall/api";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fetchRequest } from "./node-request";

export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Whether the answer is one JSON document, sent whole: read at once and
 * written with its length in one write, instead of chunk by chunk (most API
 * answers). Streams (Server-Sent Events, tRPC's JSON Lines batches) are not.
 */
function wholeJson(request: Request, response: Response): boolean {
  const type = response.headers.get("content-type") ?? "";
  return (
    type.startsWith("application/json") &&
    request.headers.get("trpc-accept") !== "application/jsonl"
  );
}

/** Copies a fetch response onto the Node response, streaming its body with backpressure (none for HEAD). */
async function writeResponse(
  request: Request,
  response: Response,
  res: ServerResponse,
  head: boolean,
): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body || head) {
    void response.body?.cancel().catch(() => undefined);
    res.end();
    return;
  }
  if (wholeJson(request, response)) {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader("content-length", body.byteLength);
    res.end(body);
    return;
  }
  const reader = response.body.getReader();
  // The client left: stop the producer (a tRPC subscription ends with it).
  const cancel = () => void reader.cancel().catch(() => undefined);
  res.once("close", cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
  } finally {
    res.off("close", cancel);
    res.end();
  }
}

/**
 * Serves a fetch-style handler on the Node server: the request becomes a
 * fetch `Request` (`fetchRequest`: the body streamed, its signal aborted when
 * the client goes), and the `Response` is written back with backpressure.
 * This is what tRPC's Node adapter (`createHTTPHandler`) does inside; doing it
 * here keeps the checks around tRPC and the REST adapter (body limits, the
 * global bucket, error shapes) one code path for every transport. Body
 * limits are the handlers' own (`readBody`), so none is set here.
 */
export async function serveFetch(
  req: IncomingMessage,
  res: ServerResponse,
  handler: FetchHandler,
): Promise<void> {
  // HEAD is GET without the body, as Next answers it for route handlers.
  const head = req.method === "HEAD";
  if (head) req.method = "GET";
  const request = fetchRequest(req, res);
  await writeResponse(request, await handler(request), res, head);
}
