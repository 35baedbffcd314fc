import { decideQrLogin } from "@guildhall/core/qr-login";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { decisionOutput, requestId } from "./qr-login.types";

/** The scanning session signs the waiting browser in as its own user (audited). */
export const approveRequest = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/qr/{requestId}/approve",
      tags: ["auth"],
      summary: "Approve a QR sign-in (device side)",
      protect: true,
    },
  })
  .input(z.object({ requestId }))
  .output(decisionOutput)
  .mutation(({ ctx, input }) =>
    decideQrLogin(ctx.db, ctx.principal, input.requestId, "approve", {
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
