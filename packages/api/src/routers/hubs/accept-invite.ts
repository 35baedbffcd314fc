import { redeemInvite } from "@guildhall/core/members";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Uses an invite code: the caller joins its hub with the invite's role. */
export const acceptInvite = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/invites/{code}/accept",
      tags: ["members"],
      summary: "Join a hub with an invite code",
    },
  })
  .input(
    z.object({
      code: z
        .string()
        .trim()
        .min(6)
        .max(32)
        .regex(/^[A-Za-z0-9]+$/),
    }),
  )
  .output(z.object({ hubSlug: z.string(), role: z.string() }))
  .mutation(({ ctx, input }) =>
    redeemInvite(ctx.db, { code: input.code, userId: ctx.principal.userId, ip: ctx.ip }),
  );
