import { refreshTokens } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { tokenPair } from "./auth.types";

/** Rotates a refresh token into a new pair; reusing an old one ends the session. */
export const refresh = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/refresh",
      tags: ["auth"],
      summary: "Exchange a refresh token",
      protect: false,
    },
    rateLimit: { name: "refresh", points: 30, durationSeconds: 60, by: "ip" },
  })
  .input(z.object({ refreshToken: z.string().min(10).max(200) }))
  .output(tokenPair)
  .mutation(({ ctx, input }) => refreshTokens(ctx.db, input.refreshToken));
