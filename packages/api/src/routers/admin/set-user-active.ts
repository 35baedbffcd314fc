import { setUserActive as setActive } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { adminUserOutput } from "./admin.types";

/** Deactivated users cannot sign in, and their sessions and tokens stop working at once. */
export const setUserActive = superAdminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/admin/users/{userId}/active",
      tags: ["admin"],
      summary: "Activate or deactivate an account",
    },
  })
  .input(z.object({ userId: z.uuid(), active: z.boolean() }))
  .output(adminUserOutput)
  .mutation(({ ctx, input }) =>
    setActive(ctx.db, ctx.principal, input.userId, input.active, ctx.ip),
  );
