import { AppError, clientFaultFromDatabase, errorCodes, isAppError } from "@guildhall/core/errors";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import type { Meta } from "./meta";
import { describeError } from "./format-error";
import { decodePathParameters, hostileInputFields } from "./middleware/input-guard";
import { inputAccepted } from "./middleware/input-accepted";
import { enforceGlobalLimit, enforceRule } from "./middleware/rate-limit";
import { boundedStream, takeStreamSlot } from "./middleware/stream-limit";

export type { Access, Meta } from "./meta";

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    // Idle streams get a ping every 15 s so proxies keep them open; a client that
    // hears nothing for 25 s reconnects (resuming from its last event id).
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 25_000 },
    },
    errorFormatter({ shape, error, ctx }) {
      const body = describeError(error, ctx?.locale ?? "en", ctx?.requestId ?? null);
      // `data.stack` is dropped: no stack trace ever leaves the server.
      return {
        code: shape.code,
        message: body.message,
        data: { ...body, path: shape.data.path ?? null },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Maps AppError to its tRPC code (so HTTP statuses are right) and logs every
 * error we did not expect, with the request id the client sees.
 */
const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isAppError(cause)) {
    throw new TRPCError({ code: errorCodes[cause.code].trpc, message: cause.message, cause });
  }
  // A constraint caught what validation let through: the client's fault, but worth a look.
  const fault = clientFaultFromDatabase(cause);
  if (fault) {
    ctx.log.warn({ err: cause, path, type }, `database refused the input: ${fault.code}`);
    throw new TRPCError({
      code: errorCodes[fault.code].trpc,
      message: fault.message,
      cause: fault,
    });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: cause ?? result.error, path, type }, "unhandled error");
  }
  return result;
});

/**
 * A subscription (either transport) holds one of the caller's stream slots
 * while open (TOO_MANY_STREAMS beyond) and ends when the credential expires.
 * @subscriptionsOnly its errors, for the OpenAPI document (scripts/procedure-errors.ts)
 */
async function withStreamSlot<Result extends { ok: boolean }>(
  ctx: Context,
  signal: AbortSignal | undefined,
  proceed: () => Promise<Result>,
): Promise<Result> {
  const release = takeStreamSlot(ctx);
  let result;
  try {
    result = await proceed();
  } catch (error) {
    release();
    throw error;
  }
  const data: unknown = result.ok ? (result as { data?: unknown }).data : undefined;
  if (!data || typeof data !== "object" || !(Symbol.asyncIterator in data)) {
    // Refused (or not a stream at all): nothing stays open.
    release();
    return result;
  }
  const expiresAt = ctx.principal?.expiresAt ?? null;
  return {
    ...result,
    data: boundedStream(data as AsyncIterable<unknown>, { release, expiresAt, signal }),
  };
}

/**
 * Every call's checks, in one middleware (each tRPC middleware layer copies
 * the call's options twice; these were four layers):
 * 1. the global bucket, before anything else is looked at (cheap requests are not free);
 * 2. before any schema: REST path parameters decoded, and text no procedure
 *    accepts (control characters, unpaired surrogates, hostile nesting)
 *    refused with the failing fields, for every input of every procedure;
 * 3. the procedure's own bucket (sign-in, registration, ...), taken only for
 *    an input its schema accepts: a malformed body costs the global bucket
 *    alone, never an account's or address's sign-in budget (README "Limits");
 * 4. subscriptions hold a stream slot (`withStreamSlot`).
 */
const checks = t.middleware(async ({ ctx, meta, path, type, signal, next, getRawInput }) => {
  await enforceGlobalLimit(ctx);
  const rest = ctx.transport === "rest";
  const raw = rest ? decodePathParameters(await getRawInput(), meta) : await getRawInput();
  const hostile = hostileInputFields(raw);
  if (Object.keys(hostile).length)
    throw new AppError("VALIDATION_FAILED", {}, { fieldErrors: hostile });
  if (meta?.rateLimit && (await inputAccepted(path, raw)))
    await enforceRule(ctx, meta.rateLimit, raw);
  const proceed = () => (rest ? next({ getRawInput: () => Promise.resolve(raw) }) : next());
  if (type !== "subscription") return proceed();
  return withStreamSlot(ctx, signal, proceed);
});

const base = t.procedure.use(errorBoundary).use(checks);

/** Anyone, signed in or not. */
export const publicProcedure = base.meta({ access: { kind: "public" } });

/**
 * A signed-in principal; narrows `ctx.principal` to non-null. No credentials
 * answer UNAUTHENTICATED; credentials that name no live session or token
 * (malformed, expired, revoked) answer INVALID_TOKEN. Application tokens need the `read` scope for queries and `write` for mutations (`*` has both).
 */
export const authedProcedure = base
  .meta({ access: { kind: "authed" } })
  .use(({ ctx, next, type }) => {
    const principal = ctx.principal;
    if (!principal)
      throw new AppError(ctx.credentialsRejected ? "INVALID_TOKEN" : "UNAUTHENTICATED");
    if (principal.scopes) {
      const needed = type === "mutation" ? "write" : "read";
      const granted =
        principal.scopes.includes("*") ||
        principal.scopes.includes(needed) ||
        (needed === "read" && principal.scopes.includes("write"));
      if (!granted) throw new AppError("SCOPE_MISSING", { scope: needed });
    }
    return next({ ctx: { ...ctx, principal } });
  });

/** Instance administration: super admins (SUPER_ADMINS) only, and not through application tokens. */
export const superAdminProcedure = authedProcedure
  .meta({ access: { kind: "superAdmin" } })
  .use(({ ctx, next }) => {
    if (!ctx.principal.superAdmin || ctx.principal.via === "application-token")
      throw new AppError("SUPER_ADMIN_REQUIRED");
    return next();
  });

export { AppError };
