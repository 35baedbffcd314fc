import { appRouter, restBodyLimitOf } from "@guildhall/api";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { payloadTooLarge, withinBodyLimit } from "~/server/body-limit";
import { contextFromRequest } from "~/server/context";
import { failureBeforeProcedure, restErrorBody, restFailure } from "~/server/rest-errors";
import { objectBody, reservedQueryKeys } from "~/server/rest-input";

export const dynamic = "force-dynamic";

/** REST for non-TypeScript consumers, generated from the same procedures. */
async function handler(original: Request) {
  // Body limit: BODY_LIMIT_BYTES, or the upload's own (meta.bodyLimitBytes).
  const limit = restBodyLimitOf(original.method, new URL(original.url).pathname.slice(7));
  const req = await withinBodyLimit(original, limit);
  if (!req) {
    const { status, body } = restFailure(original.headers, payloadTooLarge(limit));
    return Response.json(body, { status });
  }
  // The adapter gives createContext no response headers; ours are merged in below.
  const resHeaders = new Headers();
  try {
    const reserved = reservedQueryKeys(req);
    if (reserved) return reserved;
    const checked = await objectBody(req);
    if (checked instanceof Response) return checked;
    const response = await createOpenApiFetchHandler({
      endpoint: "/api/v1",
      req: checked,
      router: appRouter,
      createContext: () =>
        contextFromRequest(
          { method: req.method, headers: req.headers, transport: "rest" },
          resHeaders,
        ),
    });
    resHeaders.forEach((value, key) => response.headers.set(key, value));
    return response.ok ? response : await restErrorBody(response);
  } catch (cause) {
    return failureBeforeProcedure(req, cause);
  }
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
