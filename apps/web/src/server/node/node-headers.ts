import type { IncomingMessage } from "node:http";

/** A Node request's headers as fetch `Headers` (repeated headers appended; HTTP/2 pseudo-headers left out). */
export function nodeHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue;
    if (typeof value === "string") headers.set(name, value);
    else for (const item of value) headers.append(name, item);
  }
  return headers;
}
