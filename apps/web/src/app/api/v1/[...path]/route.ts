import { appRouter } from "@guildhall/api";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { contextFromRequest } from "~/server/context";
import { failureBeforeProcedure, restErrorBody } from "~/server/rest-errors";

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
    return failureBeforeProcedure(req, cause);
  }
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
