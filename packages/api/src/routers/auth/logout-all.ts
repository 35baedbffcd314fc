import { revokeSessions } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Ends every session of the caller (optionally keeping the current one). */
export const logoutAll = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/logout-all",
      tags: ["auth"],
      summary: "Sign out everywhere",
    },
  })
  .input(z.object({ keepCurrent: z.boolean().default(false) }).default({ keepCurrent: false }))
  .output(z.object({ endedSessions: z.number().int() }))
  .mutation(async ({ ctx, input }) => ({
    endedSessions: await revokeSessions(
      ctx.db,
      { userId: ctx.principal.userId, except: input.keepCurrent ? ctx.principal.sessionId : null },
      "logout-all",
    ),
  }));
