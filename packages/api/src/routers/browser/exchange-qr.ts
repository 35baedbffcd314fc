import { exchangeQrTicket } from "@guildhall/core/qr-login";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { browserSession, formText } from "./browser.types";

/**
 * QR sign-in in the dashboard: the ticket `qrLogin.watch` gave this browser
 * after a signed-in device approved; MFA is not asked again (that device's
 * session vouches).
 */
export const exchangeQr = publicProcedure
  .input(z.object({ ticket: formText }))
  .output(browserSession)
  .mutation(async ({ ctx, input }) => {
    const client = { userAgent: ctx.userAgent, ip: ctx.ip };
    const result = await exchangeQrTicket(ctx.db, input.ticket, client, "browser");
    return { userId: result.userId, sessionId: result.sessionId };
  });
