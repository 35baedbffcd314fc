import { TRPCClientError } from "@trpc/client";
import type { AppRouter, ErrorBody } from "@guildhall/api";

/**
 * The one error type client code handles: a stable `code` to switch on, the
 * server's message in the caller's language, and per-field messages.
 */
export class GuildhallError extends Error {
  readonly code: ErrorBody["code"] | "NETWORK_ERROR";
  readonly httpStatus: number | null;
  readonly fieldErrors: Record<string, string[]>;
  readonly requestId: string | null;

  constructor(body: Partial<ErrorBody> & { message: string }, options: { cause?: unknown } = {}) {
    super(body.message, options);
    this.name = "GuildhallError";
    this.code = body.code ?? "NETWORK_ERROR";
    this.httpStatus = body.httpStatus ?? null;
    this.fieldErrors = body.fieldErrors ?? {};
    this.requestId = body.requestId ?? null;
  }
}

export function isGuildhallError(value: unknown): value is GuildhallError {
  return value instanceof GuildhallError;
}

/** Converts whatever a call threw into a GuildhallError. */
export function toGuildhallError(error: unknown): GuildhallError {
  if (error instanceof GuildhallError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as Partial<ErrorBody> | undefined;
    if (data?.code)
      return new GuildhallError({ ...data, message: error.message }, { cause: error });
    return new GuildhallError({ message: error.message }, { cause: error });
  }
  return new GuildhallError(
    { message: error instanceof Error ? error.message : String(error) },
    { cause: error },
  );
}
