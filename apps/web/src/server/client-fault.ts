import { isAppError, type ErrorCode } from "@guildhall/core/errors";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

/**
 * The error code a procedure called through the server-side caller refused
 * with (its AppError, wrapped in the TRPCError of the API's error boundary;
 * an input the schema refused is VALIDATION_FAILED), or null for anything
 * else: a fault of ours, which should surface.
 */
export function clientFault(error: unknown): ErrorCode | null {
  if (isAppError(error)) return error.code;
  if (!(error instanceof TRPCError)) return null;
  if (isAppError(error.cause)) return error.cause.code;
  return getHTTPStatusCodeFromError(error) < 500 ? "VALIDATION_FAILED" : null;
}
