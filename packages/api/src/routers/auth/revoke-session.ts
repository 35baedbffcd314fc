import { AppError } from "@guildhall/core/errors";
import { revokeSessions } from "@guildhall/core/identity";
import { schema } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * Ends one of my sessions (the current one too): its access and refresh tokens stop working at
 * once. Another user's or an unknown session is NOT_FOUND; one already ended gives
 * `endedSessions: 0`.
 */
export const revokeSession = authedProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/me/sessions/{sessionId}",
      tags: ["auth"],
      summary: "End one of my sessions",
    },
  })
  .input(z.object({ sessionId: z.uuid() }))
  .output(z.object({ endedSessions: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const [own] = await ctx.db
      .select({ id: schema.authSessions.id })
      .from(schema.authSessions)
      .where(
        and(
          eq(schema.authSessions.id, input.sessionId),
          eq(schema.authSessions.userId, ctx.principal.userId),
        ),
      );
    if (!own) throw new AppError("SESSION_NOT_FOUND");
    return {
      endedSessions: await revokeSessions(ctx.db, { sessionId: own.id }, "revoked-by-user"),
    };
  });
