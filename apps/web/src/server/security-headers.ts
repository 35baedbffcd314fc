/**
 * The security headers of every response. Pure functions of the request's
 * path, the nonce and whether we are served over TLS, so tests and the proxy
 * agree on one definition.
 */

/** A fresh, unguessable CSP nonce (128 bits, base64). */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Pages (and the Swagger UI page): scripts only with this response's nonce;
 * 'strict-dynamic' lets those load Next's chunks. `style-src-attr
 * 'unsafe-inline'` is the one relaxation: React renders `style` props, Next's
 * built-in 404/500 pages and Swagger UI's markup into style *attributes*,
 * which no nonce can cover. Attributes cannot carry selectors or load
 * anything beyond img-src, so they cannot exfiltrate; `<style>` elements
 * still need the nonce.
 */
export function pagePolicy(nonce: string, https: boolean, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // next-auth's OAuth sign-in posts with fetch and then navigates (no form
    // submission leaves the site), Steam's start route is a plain navigation.
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, files and the other API answers: nothing may load from them, nobody may frame them. */
export const apiPolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HTML that must run our nonce-carrying scripts: the dashboard and /api/docs. */
export function servesPages(pathname: string): boolean {
  return !pathname.startsWith("/api/") || pathname === "/api/docs";
}

export const permissionsPolicy = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** One year; no includeSubDomains or preload: other hosts of the domain are not ours to decide. */
export const hstsValue = "max-age=31536000";

/** The headers every response gets; `csp` is the page or API policy. */
export function securityHeaders(csp: string, https: boolean): Record<string, string> {
  return {
    "content-security-policy": csp,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": permissionsPolicy,
    ...(https ? { "strict-transport-security": hstsValue } : {}),
  };
}
