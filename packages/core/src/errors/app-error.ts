import type { MessageKey } from "../i18n";
import { errorCodes, type ErrorCode } from "./codes";

export type ErrorParams = Record<string, string | number>;
/** Field path (dot-joined) -> message keys, translated when the error is answered. */
export type FieldErrors = Record<string, MessageKey[]>;

/**
 * The one error type thrown outside routers. It carries a stable code and the
 * parameters of its translated message; the API layer turns it into a tRPC
 * error (and HTTP status) through the table in codes.ts.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly fieldErrors: FieldErrors | undefined;
  /** Machine-readable extras answered beside the message (e.g. retry_after on 429). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    params: ErrorParams = {},
    options: { fieldErrors?: FieldErrors; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`, {
      cause: options.cause,
    });
    this.name = "AppError";
    this.code = code;
    this.params = params;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }

  get httpStatus(): number {
    return errorCodes[this.code].http;
  }

  get messageKey(): string {
    return errorCodes[this.code].key;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
