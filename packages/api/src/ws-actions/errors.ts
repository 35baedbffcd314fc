import type { Locale } from "@guildhall/core/i18n";
import { getTRPCErrorFromUnknown } from "@trpc/server";
import type { Context } from "../context";
import { describeError } from "../format-error";
import { countBeforeProcedure } from "../middleware/rate-limit";
import { restError } from "../sse/stream";

/**
 * Any failure as the REST error body (`{ code, message, fieldErrors, requestId, …details }`),
 * translated like every other answer; an unexpected one is logged with the request id the client sees.
 */
export function errorBody(
  cause: unknown,
  locale: Locale,
  requestId: string | null,
  ctx?: Context,
): Record<string, unknown> {
  const body = describeError(getTRPCErrorFromUnknown(cause), locale, requestId);
  if (body.code === "INTERNAL") ctx?.log.error({ err: cause }, "websocket action failed");
  return restError(body);
}

/**
 * A refusal of a frame, as over HTTP: when no procedure counted the frame (an
 * unknown or malformed action, a refused subscribe), it still costs one point
 * of the global bucket, and an empty bucket answers RATE_LIMITED instead.
 */
export async function refusal(ctx: Context, cause: unknown): Promise<Record<string, unknown>> {
  const limited = await countBeforeProcedure(ctx);
  return errorBody(limited ?? cause, ctx.locale, ctx.requestId, ctx);
}

/**
 * A frame no procedure answers (ping, unsubscribe) costs one point of the
 * global bucket: null while there are points, else the RATE_LIMITED body.
 */
export async function chargeFrame(ctx: Context): Promise<Record<string, unknown> | null> {
  const limited = await countBeforeProcedure(ctx);
  return limited ? errorBody(limited, ctx.locale, ctx.requestId) : null;
}
