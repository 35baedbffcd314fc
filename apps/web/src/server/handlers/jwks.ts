import { createCaller } from "@guildhall/api";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { apiContext, countAnswer, mergeHeaders } from "../api-request";
import { failureBeforeProcedure, restRefusal } from "../rest-errors";

/**
 * The JSON Web Key Set that verifies access tokens (`auth.jwks`), where
 * verifiers look for it: `/.well-known/jwks.json` (the same as REST's
 * `/api/v1/auth/jwks`). Cached briefly: a verifier that meets a new key id
 * fetches again.
 */
export async function handleJwks(req: Request): Promise<Response> {
  const made = await apiContext({ method: "GET", headers: req.headers, transport: "rest" });
  if (!("ctx" in made)) return failureBeforeProcedure(req.headers, made.cause, made.requestId);
  const { ctx } = made;
  let response: Response;
  try {
    response = Response.json(await createCaller(ctx).auth.jwks(), {
      headers: { "cache-control": "public, max-age=300" },
    });
  } catch (cause) {
    response = restRefusal(req.headers, getTRPCErrorFromUnknown(cause), ctx.requestId);
  }
  const limited = await countAnswer(ctx).catch((cause: unknown) => cause);
  if (limited instanceof TRPCError) response = restRefusal(req.headers, limited, ctx.requestId);
  else if (limited) response = failureBeforeProcedure(req.headers, limited, ctx.requestId);
  mergeHeaders(response.headers, ctx.resHeaders);
  return response;
}
