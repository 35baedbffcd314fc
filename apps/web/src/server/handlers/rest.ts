import { appRouter, restBodyLimitOf, restMethodsAt, type Context } from "@guildhall/api";
import { TRPCError } from "@trpc/server";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { apiContext, countAnswer, mergeHeaders } from "../api-request";
import { payloadTooLarge, readBody } from "../body-limit";
import { failureBeforeProcedure, restErrorBody, restRefusal } from "../rest-errors";
import { reservedQueryKeys, restRequest } from "../rest-input";

const endpoint = "/api/v1";

/** An unknown path (404), or a known one asked with a method it does not answer (405 + Allow). */
function noOperation(path: string): { error: TRPCError; allow?: string } {
  const methods = restMethodsAt(path);
  if (!methods.length) return { error: new TRPCError({ code: "NOT_FOUND" }) };
  return { error: new TRPCError({ code: "METHOD_NOT_SUPPORTED" }), allow: methods.join(", ") };
}

/** The answer before the headers the context collected are merged in. */
async function answer(original: Request, ctx: Context): Promise<Response> {
  const refuse = (error: TRPCError, headers: HeadersInit = {}) =>
    restRefusal(original.headers, error, ctx.requestId, headers);
  const url = new URL(original.url);
  const path = url.pathname.slice(endpoint.length);
  // Body limit: BODY_LIMIT_BYTES, or the upload's own (meta.bodyLimitBytes). Read once.
  const limit = restBodyLimitOf(original.method, path);
  const body = await readBody(original, limit);
  if (!body) return refuse(payloadTooLarge(limit));
  const reserved = reservedQueryKeys(url);
  if (reserved) return refuse(reserved);
  const req = restRequest(original, body);
  if (req instanceof TRPCError) return refuse(req);
  const response = await createOpenApiFetchHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: () => Promise.resolve(ctx),
  });
  if (response.ok) return response;
  const shaped = await restErrorBody(response, ctx.requestId);
  if (response.status !== 404 || !shaped.missingProcedure) return shaped.response;
  const { error, allow } = noOperation(path);
  return refuse(error, allow ? { allow } : {});
}

/** `/api/v1`: REST for non-TypeScript consumers, generated from the same procedures. */
export async function handleRest(original: Request): Promise<Response> {
  const made = await apiContext({
    method: original.method,
    headers: original.headers,
    transport: "rest",
  });
  if (!("ctx" in made)) return failureBeforeProcedure(original.headers, made.cause, made.requestId);
  const { ctx } = made;
  let response: Response;
  try {
    response = await answer(original, ctx);
  } catch (cause) {
    response = failureBeforeProcedure(original.headers, cause, ctx.requestId);
  }
  const limited = await countAnswer(ctx).catch((cause: unknown) => cause);
  if (limited instanceof TRPCError)
    response = restRefusal(original.headers, limited, ctx.requestId);
  else if (limited) response = failureBeforeProcedure(original.headers, limited, ctx.requestId);
  mergeHeaders(response.headers, ctx.resHeaders);
  return response;
}
