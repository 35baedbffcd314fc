import { setInstanceAdmin as setAdmin } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { adminUserOutput } from "./admin.types";

/**
 * Makes an account a super admin (instance administrator), or stops it being
 * one. The last one stays (LAST_INSTANCE_ADMIN), and accounts SUPER_ADMINS
 * names stay super admins whatever is set here.
 */
export const setInstanceAdmin = superAdminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/admin/users/{userId}/instance-admin",
      tags: ["admin"],
      summary: "Make an account a super admin, or stop it being one",
    },
  })
  .input(z.object({ userId: z.uuid(), instanceAdmin: z.boolean() }))
  .output(adminUserOutput)
  .mutation(({ ctx, input }) =>
    setAdmin(ctx.db, ctx.principal, input.userId, input.instanceAdmin, ctx.ip),
  );
