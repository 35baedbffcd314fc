import { decideQrLogin } from "@guildhall/core/qr-login";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { decisionOutput, requestId } from "./qr-login.types";

/** The scanning session refuses: the browser is told, and the request is done. */
export const denyRequest = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/qr/{requestId}/deny",
      tags: ["auth"],
      summary: "Deny a QR sign-in (device side)",
      protect: true,
    },
  })
  .input(z.object({ requestId }))
  .output(decisionOutput)
  .mutation(({ ctx, input }) =>
    decideQrLogin(ctx.db, ctx.principal, input.requestId, "deny", {
      ip: ctx.ip,
      requestId: ctx.requestId,
    }),
  );
