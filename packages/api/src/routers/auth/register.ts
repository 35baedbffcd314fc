import { ownProfile, registerUser } from "@guildhall/core";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { profileOutput } from "../users/user.types";
import { password, username } from "./auth.types";

export const register = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/register",
      tags: ["auth"],
      summary: "Create an account",
      protect: false,
    },
    rateLimit: { name: "register", points: 10, durationSeconds: 60, by: "ip" },
  })
  .input(
    z.object({
      username,
      email: z.email().max(254),
      password,
      description: z.string().trim().max(190).optional(),
      status: z.string().trim().max(30).optional(),
    }),
  )
  .output(profileOutput)
  .mutation(async ({ ctx, input }) =>
    ownProfile(await registerUser(ctx.db, { ...input, locale: ctx.locale, ip: ctx.ip })),
  );
