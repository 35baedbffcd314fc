import { registerOwnAccount } from "@guildhall/core/identity";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { password, username } from "./auth.types";

/**
 * Creates my account (username and e-mail unique regardless of case, password policy:
 * WEAK_PASSWORD) and mails a confirmation link. An address that already has an account answers the
 * same (no account discovery) and its owner is mailed instead; a taken username is USERNAME_TAKEN.
 */
export const register = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/register",
      tags: ["auth"],
      summary: "Create an account",
      description:
        "Answers the same for a new address and for one that has an account (no account discovery): a new address gets an account and a confirmation link, a registered one a mail to its owner. A taken username still answers USERNAME_TAKEN.",
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
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) =>
    registerOwnAccount(ctx.db, { ...input, locale: ctx.locale, ip: ctx.ip }),
  );
