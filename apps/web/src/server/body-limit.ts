import { AppError } from "@guildhall/core/errors";
import { TRPCError } from "@trpc/server";

/**
 * The request's body, read into memory once, or null when it is larger than
 * `limit` bytes: refused on a Content-Length above it without reading
 * anything, otherwise read while counting and cancelled as soon as the count
 * passes it (chunked bodies declare no length), so a huge body costs at most
 * `limit` bytes of memory and is answered at once. No body reads as empty.
 */
export async function readBody(req: Request, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  const body = req.body;
  if (!body) return Buffer.alloc(0);
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    void body.cancel().catch(() => undefined);
    return null;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The request with its body read into memory (`readBody`), or null when it is over `limit`. */
export async function withinBodyLimit(req: Request, limit: number): Promise<Request | null> {
  if (!req.body) return req;
  const body = await readBody(req, limit);
  if (!body) return null;
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body,
    signal: req.signal,
  });
}

/** The error of a body over `limit` bytes: PAYLOAD_TOO_LARGE (413), with the limit. */
export function payloadTooLarge(limit: number): TRPCError {
  const cause = new AppError("PAYLOAD_TOO_LARGE", {}, { details: { limit } });
  return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: cause.message, cause });
}
