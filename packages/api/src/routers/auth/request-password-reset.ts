import { requestPasswordReset as request } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/** Mails a reset link (1 h, single use). Answers the same for unknown addresses. */
export const requestPasswordReset = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/password-reset",
      tags: ["auth"],
      summary: "Mail a password reset link",
      protect: false,
    },
    rateLimit: { name: "password-reset", points: 5, durationSeconds: 600, by: "ip" },
  })
  .input(z.object({ email: z.email().max(254) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await request(ctx.db, input.email);
    return { ok: true as const };
  });
