import { getOpenApiDocument } from "@guildhall/api/openapi";
import { requestOrigin } from "~/server/origin";

export const dynamic = "force-dynamic";

/** The OpenAPI 3 document, generated from the routers (never hand-written). */
export function GET(req: Request) {
  const origin = requestOrigin(req);
  return Response.json(getOpenApiDocument(`${origin}/api/v1`), {
    headers: { "cache-control": "public, max-age=60" },
  });
}
