import { ACTION_SOCKET_PATH, asyncApiDocument } from "@guildhall/api/ws-actions";
import { requestOrigin } from "~/server/origin";

export const dynamic = "force-dynamic";

/**
 * The AsyncAPI 3 document of the WebSocket action socket (docs/ws-actions.md),
 * generated from the routers like /api/openapi.json; its server is where the
 * caller reached us, `ws://` or `wss://` as the page was `http` or `https`.
 */
export function GET(req: Request) {
  const socketOrigin = requestOrigin(req).replace(/^http/, "ws");
  return Response.json(asyncApiDocument(`${socketOrigin}${ACTION_SOCKET_PATH}`), {
    headers: { "cache-control": "public, max-age=60" },
  });
}
