import { resetUserPassword } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { password } from "../auth/auth.types";

/** Sets another user's password; their sessions end. */
export const resetPassword = superAdminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/admin/users/{userId}/password",
      tags: ["admin"],
      summary: "Reset an account's password",
    },
  })
  .input(z.object({ userId: z.uuid(), password }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await resetUserPassword(ctx.db, ctx.principal, input.userId, input.password, ctx.ip);
    return { ok: true as const };
  });
