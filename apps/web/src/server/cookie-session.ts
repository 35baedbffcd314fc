import { getAuthSecret } from "@guildhall/core/identity";
import { getDatabase } from "@guildhall/core/runtime";
import { getToken } from "@auth/core/jwt";
import type { CookieSession } from "./context";

/** next-auth's session cookie (`__Secure-` on https; `.0`, `.1`… when chunked). */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token(\.\d+)?=/;

/**
 * The dashboard cookie's session, read from a request's headers without
 * Next: the API (tRPC, REST, SSE, WebSocket) is served by our own Node server,
 * where next-auth's `auth()` (which needs Next's request scope) is not
 * available. The cookie is next-auth's encrypted JWT; Auth.js's own
 * `getToken` decrypts it (joining chunks, checking expiry) with the same
 * secret next-auth signs it with. Requests without the cookie cost nothing.
 */
export async function cookieSessionFrom(headers: Headers): Promise<CookieSession | null> {
  const cookie = headers.get("cookie") ?? "";
  const found = SESSION_COOKIE.exec(cookie);
  if (!found) return null;
  const { db } = await getDatabase();
  const token = await getToken({
    req: { headers },
    secret: await getAuthSecret(db),
    secureCookie: found[2] !== undefined,
  }).catch(() => null);
  const { sid, sub } = (token ?? {}) as { sid?: unknown; sub?: unknown };
  return typeof sid === "string" && typeof sub === "string" ? { sid, sub } : null;
}
