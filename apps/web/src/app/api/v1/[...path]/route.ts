import { appRouter, describeError } from "@guildhall/api";
import { resolveLocale } from "@guildhall/core";
import { TRPCError } from "@trpc/server";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { contextFromRequest } from "~/server/context";
import { restErrorBody } from "~/server/rest-errors";

export const dynamic = "force-dynamic";

/** REST for non-TypeScript consumers, generated from the same procedures. */
async function handler(req: Request) {
  // The adapter gives createContext no response headers; ours are merged in below.
  const resHeaders = new Headers();
  try {
    const response = await createOpenApiFetchHandler({
      endpoint: "/api/v1",
      req,
      router: appRouter,
      createContext: () => contextFromRequest(req, resHeaders),
    });
    resHeaders.forEach((value, key) => response.headers.set(key, value));
    return response.ok ? response : await restErrorBody(response);
  } catch (cause) {
    // Failures before a procedure runs (e.g. the database is unreachable).
    const locale = resolveLocale(null, req.headers.get("accept-language"));
    const body = describeError(
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }),
      locale,
      null,
    );
    return Response.json(body, { status: body.httpStatus });
  }
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
