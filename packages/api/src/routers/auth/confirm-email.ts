import { confirmEmail as confirm } from "@guildhall/core";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

export const confirmEmail = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/confirm-email",
      tags: ["auth"],
      summary: "Confirm an e-mail address with the mailed link",
      protect: false,
    },
    rateLimit: { name: "email-link", points: 10, durationSeconds: 60, by: "ip" },
  })
  .input(z.object({ token: z.string().min(10).max(200) }))
  .output(z.object({ username: z.string() }))
  .mutation(({ ctx, input }) => confirm(ctx.db, input.token));
