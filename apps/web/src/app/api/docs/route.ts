import { headers } from "next/headers";

// Rendered per request: the page's scripts and style carry this response's CSP nonce (src/proxy.ts).
export const dynamic = "force-dynamic";

const page = (nonce: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Guildhall API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  <style nonce="${nonce}">body { margin: 0; } .topbar { display: none; }
    .ws-actions { max-width: 1460px; margin: 0 auto; padding: 12px 20px 0; font: 14px/1.5 sans-serif; }</style>
</head>
<body>
  <aside class="ws-actions">
    <strong>WebSocket actions (AsyncAPI)</strong>: every procedure of this API also runs over one
    WebSocket at <code>/api/ws/actions</code>, described by
    <a href="/api/asyncapi.json">/api/asyncapi.json</a> (AsyncAPI 3.0); the protocol is in
    <code>docs/ws-actions.md</code>.
  </aside>
  <div id="swagger-ui"></div>
  <script nonce="${nonce}" src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script nonce="${nonce}" src="/api/docs/assets/init.js"></script>
</body>
</html>`;

/**
 * A browsable reference of the REST API (Swagger UI, served from this app: no
 * CDN), with a pointer to the WebSocket action socket's AsyncAPI document.
 * The pointer is plain markup: no script or style beyond the nonce-carrying ones.
 */
export async function GET() {
  // The proxy's nonce is base64; anything else (no proxy run) gets no nonce at all.
  const nonce = (await headers()).get("x-nonce") ?? "";
  const safe = /^[A-Za-z0-9+/=]*$/.test(nonce) ? nonce : "";
  return new Response(page(safe), { headers: { "content-type": "text/html; charset=utf-8" } });
}
