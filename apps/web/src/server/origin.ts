import { forwardedByTrustedProxy } from "./peer";

/** The first value of a forwarded header a trusted proxy set, else null. */
function forwarded(headers: Headers, name: string): string | null {
  if (!forwardedByTrustedProxy(headers)) return null;
  return headers.get(name)?.split(",")[0]?.trim() || null;
}

/** The host the client asked for: X-Forwarded-Host from a trusted proxy, else Host. */
export function requestHost(headers: Headers): string | null {
  return forwarded(headers, "x-forwarded-host") ?? headers.get("host");
}

/** The origin the client used to reach us, honouring a trusted reverse proxy's forwarded headers. */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = requestHost(req.headers) ?? url.host;
  const proto = forwarded(req.headers, "x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
