import { resetPasswordWithLink } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { password } from "./auth.types";

/** Sets a new password from a mailed link; every session of the account ends. */
export const resetPassword = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/password-reset/complete",
      tags: ["auth"],
      summary: "Choose a new password with the mailed link",
      protect: false,
    },
    rateLimit: { name: "email-link", points: 10, durationSeconds: 60, by: "ip" },
  })
  .input(z.object({ token: z.string().min(10).max(200), password }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await resetPasswordWithLink(ctx.db, input.token, input.password);
    return { ok: true as const };
  });
