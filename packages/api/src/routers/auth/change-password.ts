import { changePassword as changeOwnPassword } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { password } from "./auth.types";

/**
 * Changes my password: `currentPassword` must match when the account has one (WRONG_PASSWORD), an
 * account made through a provider sets its first password here; the new one must pass the policy
 * (WEAK_PASSWORD). With `endOtherSessions` (default) every other session ends; audited.
 */
export const changePassword = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/password",
      tags: ["auth"],
      summary: "Change my password",
    },
    rateLimit: { name: "password", points: 5, durationSeconds: 60, by: "user" },
  })
  .input(
    z.object({
      /** Required when the account has a password. */
      currentPassword: z.string().max(1024).optional(),
      newPassword: password,
      endOtherSessions: z.boolean().default(true),
    }),
  )
  .output(z.object({ endedSessions: z.number().int() }))
  .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.principal, { ...input, ip: ctx.ip }));
