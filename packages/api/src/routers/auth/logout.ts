import { revokeSessions } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Ends the current session: its access and refresh tokens stop working at once. */
export const logout = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/logout",
      tags: ["auth"],
      summary: "Sign out this session",
    },
  })
  .input(z.void())
  .output(z.object({ endedSessions: z.number().int() }))
  .mutation(async ({ ctx }) => ({
    endedSessions: ctx.principal.sessionId
      ? await revokeSessions(ctx.db, { sessionId: ctx.principal.sessionId }, "logout")
      : 0,
  }));
