import { AppError } from "@guildhall/core/errors";
import { createApplicationToken, requireRecentMfa } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { tokenScope } from "./token.types";

/** A token for a program; the plain token is in this answer only. Needs a recent MFA check when MFA is on. */
export const createToken = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/tokens",
      tags: ["tokens"],
      summary: "Create an application token",
    },
    rateLimit: { name: "token-create", points: 10, durationSeconds: 60, by: "user" },
  })
  .input(
    z.object({
      name: z.string().trim().min(1).max(64),
      scopes: z.array(tokenScope).min(1).max(3),
      expiresAt: z.coerce.date().min(new Date(0)).nullish(),
    }),
  )
  .output(
    z.object({
      token: z.string(),
      id: z.uuid(),
      name: z.string(),
      prefix: z.string(),
      scopes: z.array(z.string()),
      expiresAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    // Tokens make tokens only through a real sign-in.
    if (ctx.principal.via === "application-token") throw new AppError("FORBIDDEN");
    requireRecentMfa(ctx.principal);
    if (input.expiresAt && input.expiresAt <= new Date()) {
      throw new AppError(
        "VALIDATION_FAILED",
        {},
        { fieldErrors: { expiresAt: ["validation.invalidValue"] } },
      );
    }
    return createApplicationToken(ctx.db, { userId: ctx.principal.userId, ...input, ip: ctx.ip });
  });
