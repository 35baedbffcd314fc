import { adminUserRow, registerUser } from "@guildhall/core";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { password, username } from "../auth/auth.types";
import { adminUserOutput } from "./admin.types";

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
