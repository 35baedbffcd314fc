import { registerUser } from "@guildhall/core/identity";
import { adminUserRow } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { password, username } from "../auth/auth.types";
import { adminUserOutput } from "./admin.types";

/**
 * Creates an active account and mails its address a confirmation link (a mail failure does not
 * undo it). Username and e-mail are unique regardless of case (USERNAME_TAKEN, EMAIL_TAKEN) and
 * the password must pass the policy (WEAK_PASSWORD); audited.
 */
export const createUser = superAdminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/admin/users",
      tags: ["admin"],
      summary: "Create an account",
    },
  })
  .input(z.object({ username, email: z.email().max(254), password }))
  .output(adminUserOutput)
  .mutation(async ({ ctx, input }) =>
    adminUserRow(await registerUser(ctx.db, { ...input, ip: ctx.ip })),
  );
