import { qrHeartbeat } from "@guildhall/core/qr-login";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { qrLoginStatus, requestId, secret } from "./qr-login.types";

/**
 * For browsers that poll instead of holding `qrLogin.watch`: keeps the request's
 * browser "waiting" (approval needs a heartbeat in the last 30 s) and answers its status.
 */
export const sendHeartbeat = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/qr/{requestId}/heartbeat",
      tags: ["auth"],
      summary: "Keep a QR sign-in request waiting (browser side)",
      protect: false,
    },
  })
  .input(z.object({ requestId, secret }))
  .output(z.object({ op: z.literal("heartbeat_ack"), status: qrLoginStatus, expiresAt: z.date() }))
  .mutation(async ({ ctx, input }) => ({
    op: "heartbeat_ack" as const,
    ...(await qrHeartbeat(ctx.db, input.requestId, input.secret)),
  }));
