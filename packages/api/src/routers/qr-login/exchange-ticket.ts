import { exchangeQrTicket } from "@guildhall/core/qr-login";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { loginOutput } from "../auth/auth.types";
import { signedIn } from "../auth/signed-in";

/** The browser trades the one-time ticket from `qrLogin.watch` for tokens, as after a password sign-in. */
export const exchangeTicket = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/qr/exchange",
      tags: ["auth"],
      summary: "Exchange a QR sign-in ticket for tokens (browser side)",
      protect: false,
    },
    rateLimit: { name: "qr-exchange", points: 10, durationSeconds: 60, by: "ip" },
  })
  .input(z.object({ ticket: z.string().trim().min(1).max(200) }))
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await exchangeQrTicket(
      ctx.db,
      input.ticket,
      { userAgent: ctx.userAgent, ip: ctx.ip },
      "api",
    );
    return signedIn(ctx.db, result);
  });
