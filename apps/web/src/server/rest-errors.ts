import { describeError, restError, type ErrorBody } from "@guildhall/api";
import { resolveLocale } from "@guildhall/core";
import { TRPCError } from "@trpc/server";

/**
 * trpc-to-openapi answers errors as `{ ...errorShape, code: <tRPC code>,
 * message, issues }`; REST clients get our shape instead, the same one tRPC
 * clients see in `error.data`: `{ code, message, fieldErrors, requestId }`.
 */
export async function restErrorBody(response: Response): Promise<Response> {
  const text = await response.text();
  let shape: { data?: Partial<ErrorBody>; message?: string } | undefined;
  try {
    shape = JSON.parse(text) as typeof shape;
  } catch {
    return new Response(text, { status: response.status, headers: response.headers });
  }
  const data = shape?.data;
  const body = {
    code: data?.code ?? (response.status === 404 ? "NOT_FOUND" : "BAD_REQUEST"),
    message: data?.message ?? shape?.message ?? response.statusText,
    fieldErrors: data?.fieldErrors ?? {},
    requestId: data?.requestId ?? response.headers.get("x-request-id"),
    // e.g. retry_after and global on 429
    ...data?.details,
  };
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return Response.json(body, { status: response.status, headers });
}

/** An error raised outside any procedure, in the REST shape, in the request's language. */
export function restFailure(
  headers: Headers,
  error: TRPCError,
): { status: number; body: Record<string, unknown> } {
  const locale = resolveLocale(null, headers.get("accept-language"));
  const body = describeError(error, locale, null);
  return { status: body.httpStatus, body: restError(body) };
}

/** A failure before any procedure ran (e.g. the database is unreachable), in the REST shape. */
export function failureBeforeProcedure(req: Request, cause: unknown): Response {
  const { status, body } = restFailure(
    req.headers,
    new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }),
  );
  return Response.json(body, { status });
}
