import {
  codeForTrpc,
  errorCodes,
  fieldErrorsFromZod,
  isAppError,
  type ErrorCode,
} from "@guildhall/core/errors";
import { displayParams, translate, type Locale } from "@guildhall/core/i18n";
import type { TRPCError } from "@trpc/server";
import { z } from "zod";

/** What every error looks like to clients (tRPC `error.data`, REST body). */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fieldErrors: Record<string, string[]>;
  httpStatus: number;
  requestId: string | null;
  /** Extras for some codes, e.g. `{ retry_after, global }` with RATE_LIMITED. */
  details?: Record<string, unknown>;
}

function isZodError(value: unknown): value is z.ZodError {
  return (
    value instanceof z.ZodError ||
    (value instanceof Error && value.name === "ZodError" && "issues" in value)
  );
}

/**
 * Field paths that are also what superjson (the tRPC transport) refuses as
 * object keys, against prototype pollution: an input may carry them (as
 * unknown keys), but an error naming them could not be sent. No schema has
 * such a field, so they are answered as faults of the request as a whole.
 */
const unsendableKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function sendable(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  // A Map: field names like "toString" must not meet Object.prototype.
  const out = new Map<string, string[]>();
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const key = unsendableKeys.has(field) ? "_" : field;
    out.set(key, [...(out.get(key) ?? []), ...messages]);
  }
  return Object.fromEntries(out);
}

/** Turns any tRPC error into our stable code, translated message and field errors. */
export function describeError(
  error: TRPCError,
  locale: Locale,
  requestId: string | null,
): ErrorBody {
  const cause = error.cause;
  if (isAppError(cause)) {
    return {
      code: cause.code,
      message: translate(locale, errorCodes[cause.code].key, displayParams(locale, cause.params)),
      fieldErrors: sendable(
        Object.fromEntries(
          Object.entries(cause.fieldErrors ?? {}).map(([field, keys]) => [
            field,
            keys.map((key) => translate(locale, key, displayParams(locale, cause.params))),
          ]),
        ),
      ),
      httpStatus: cause.httpStatus,
      requestId,
      ...(cause.details ? { details: cause.details } : {}),
    };
  }
  if (error.code === "BAD_REQUEST" && isZodError(cause)) {
    return {
      code: "VALIDATION_FAILED",
      message: translate(locale, "errors.validationFailed"),
      fieldErrors: sendable(fieldErrorsFromZod(cause.issues, locale)),
      httpStatus: 400,
      requestId,
    };
  }
  const code: ErrorCode = codeForTrpc[error.code] ?? "INTERNAL";
  const params: Record<string, string | number> =
    code === "INTERNAL"
      ? { requestId: requestId ?? "-" }
      : code === "RATE_LIMITED"
        ? { seconds: 1 }
        : {};
  return {
    code,
    message: translate(locale, errorCodes[code].key, params),
    fieldErrors: {},
    httpStatus: errorCodes[code].http,
    requestId,
  };
}
