import { getEnv } from "@guildhall/core/env";
import { requestIdFrom } from "@guildhall/api";
import { type NextRequest } from "next/server";
import { handlers } from "~/server/auth";
import { payloadTooLarge, withinBodyLimit } from "~/server/body-limit";
import { requestOrigin } from "~/server/origin";
import { restRefusal } from "~/server/rest-errors";

export const dynamic = "force-dynamic";

/**
 * next-auth builds its URLs (OAuth redirect_uri, redirects) from the request
 * URL, so rebuild that from the address the browser used (Host /
 * X-Forwarded-Host). A plain Request keeps it as is: NextRequest would turn
 * 127.0.0.1 into "localhost", a different origin for cookies and providers.
 */
function asSeenByClient(req: NextRequest, body: ReadableStream | null = req.body): NextRequest {
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, requestOrigin(req));
  const plain = new Request(url, {
    method: req.method,
    headers: req.headers,
    body,
    // Node's fetch needs this for a streamed request body.
    duplex: "half",
  } as RequestInit);
  // next-auth reads only href and origin of nextUrl (when AUTH_URL is set).
  return Object.assign(plain, { nextUrl: url }) as unknown as NextRequest;
}

export const GET = (req: NextRequest) => handlers.GET(asSeenByClient(req));
/** Sign-in forms are small: BODY_LIMIT_BYTES, like every other route. */
export async function POST(req: NextRequest) {
  const limit = getEnv().BODY_LIMIT_BYTES;
  const limited = await withinBodyLimit(req, limit);
  if (!limited) {
    const requestId = requestIdFrom(req.headers);
    return restRefusal(req.headers, payloadTooLarge(limit), requestId, {
      "x-request-id": requestId,
    });
  }
  return handlers.POST(asSeenByClient(req, limited.body));
}
