import { renameUser as rename } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { username } from "../auth/auth.types";
import { adminUserOutput } from "./admin.types";

/**
 * Changes an account's username, unique regardless of case (USERNAME_TAKEN); audited with the old
 * name. A super admin can be renamed only by themselves (SUPER_ADMIN_PROTECTED).
 */
export const renameUser = superAdminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/admin/users/{userId}/username",
      tags: ["admin"],
      summary: "Rename an account",
    },
  })
  .input(z.object({ userId: z.uuid(), username }))
  .output(adminUserOutput)
  .mutation(({ ctx, input }) =>
    rename(ctx.db, ctx.principal, input.userId, input.username, ctx.ip),
  );
