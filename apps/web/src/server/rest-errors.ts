import { describeError, restError, type ErrorBody } from "@guildhall/api";
import { errorCodes, type AppError } from "@guildhall/core/errors";
import { resolveLocale } from "@guildhall/core/i18n";
import { TRPCError } from "@trpc/server";

/**
 * trpc-to-openapi answers errors as `{ ...errorShape, code: <tRPC code>,
 * message, issues }`; REST clients get our shape instead, the same one tRPC
 * clients see in `error.data`: `{ code, message, fieldErrors, requestId }`.
 * `missingProcedure`: the adapter found no operation (its error names no procedure).
 */
export async function restErrorBody(
  response: Response,
  requestId: string,
): Promise<{ response: Response; missingProcedure: boolean }> {
  const text = await response.text();
  let shape: { data?: Partial<ErrorBody> & { path?: string | null }; message?: string } | undefined;
  try {
    shape = JSON.parse(text) as typeof shape;
  } catch {
    const copy = new Response(text, { status: response.status, headers: response.headers });
    return { response: copy, missingProcedure: false };
  }
  const data = shape?.data;
  const body = {
    code: data?.code ?? (response.status === 404 ? "NOT_FOUND" : "BAD_REQUEST"),
    message: data?.message ?? shape?.message ?? response.statusText,
    fieldErrors: data?.fieldErrors ?? {},
    // Null when the adapter refused the request before it made the context.
    requestId: data?.requestId ?? requestId,
    // e.g. retry_after and global on 429
    ...data?.details,
  };
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return {
    response: Response.json(body, { status: response.status, headers }),
    missingProcedure: !data?.path,
  };
}

/** An error raised outside any procedure, in the REST shape, in the request's language. */
export function restFailure(
  headers: Headers,
  error: TRPCError,
  requestId: string,
): { status: number; body: Record<string, unknown> } {
  const locale = resolveLocale(null, headers.get("accept-language"));
  const body = describeError(error, locale, requestId);
  return { status: body.httpStatus, body: restError(body) };
}

/** `restFailure` as a response, with `headers` (x-request-id, X-RateLimit-*, ...). */
export function restRefusal(
  reqHeaders: Headers,
  error: TRPCError,
  requestId: string,
  headers: HeadersInit = {},
): Response {
  const { status, body } = restFailure(reqHeaders, error, requestId);
  return Response.json(body, { status, headers });
}

/** A failure before any procedure ran (e.g. the database is unreachable), in the REST shape. */
export function failureBeforeProcedure(
  headers: Headers,
  cause: unknown,
  requestId: string,
): Response {
  const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause });
  return restRefusal(headers, error, requestId, { "x-request-id": requestId });
}

/** An AppError raised outside any procedure (RATE_LIMITED) as the TRPCError the tables map. */
export function asTrpcError(cause: AppError): TRPCError {
  return new TRPCError({ code: errorCodes[cause.code].trpc, message: cause.message, cause });
}
