import { AppError } from "@guildhall/core/errors";
import { getUserById, publicProfile } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { publicProfileOutput } from "./user.types";

/**
 * Another user's public profile (no e-mail); a deactivated or unknown account is USER_NOT_FOUND.
 */
export const getUser = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/users/{userId}",
      tags: ["users"],
      summary: "A user's public profile",
    },
  })
  .input(z.object({ userId: z.uuid() }))
  .output(publicProfileOutput)
  .query(async ({ ctx, input }) => {
    const user = await getUserById(ctx.db, input.userId);
    if (!user || !user.isActive) throw new AppError("USER_NOT_FOUND");
    return publicProfile(user);
  });
