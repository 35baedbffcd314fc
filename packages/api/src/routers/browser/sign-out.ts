import { revokeSessions } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/** Ends the browser session a signed-out cookie named (next-auth's signOut event). */
export const signOut = publicProcedure
  .input(z.object({ sessionId: z.uuid() }))
  .output(z.object({ revoked: z.number().int() }))
  .mutation(async ({ ctx, input }) => ({
    revoked: await revokeSessions(ctx.db, { sessionId: input.sessionId }, "logout"),
  }));
