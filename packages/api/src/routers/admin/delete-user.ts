import { deleteUser as removeUser } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";

/**
 * Deletes an account at once, without the 14-day grace of a self-deletion; audited. A super admin
 * can be deleted only by themselves (SUPER_ADMIN_PROTECTED).
 */
export const deleteUser = superAdminProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/admin/users/{userId}",
      tags: ["admin"],
      summary: "Delete an account now",
    },
  })
  .input(z.object({ userId: z.uuid() }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeUser(ctx.db, ctx.principal, input.userId, ctx.ip);
    return { ok: true as const };
  });
