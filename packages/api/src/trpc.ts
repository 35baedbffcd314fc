import { AppError, errorCodes, isAppError } from "@guildhall/core";
import type { Permission } from "@guildhall/permissions";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Context } from "./context";
import { describeError } from "./format-error";

/** Who may call a procedure; every procedure declares one (the matrix test checks). */
export type Access =
  | { kind: "public" }
  | { kind: "authed" }
  | { kind: "hub" }
  | { kind: "permission"; permission: Permission };

export type Meta = OpenApiMeta<{ access?: Access }>;

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
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: cause ?? result.error, path, type }, "unhandled error");
  }
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(errorBoundary).meta({ access: { kind: "public" } });

/** A signed-in principal; narrows `ctx.principal` to non-null. */
export const authedProcedure = t.procedure
  .use(errorBoundary)
  .meta({ access: { kind: "authed" } })
  .use(({ ctx, next }) => {
    if (!ctx.principal) throw new AppError("UNAUTHENTICATED");
    return next({ ctx: { ...ctx, principal: ctx.principal } });
  });

export { AppError };
