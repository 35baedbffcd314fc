import { inspectQrLogin } from "@guildhall/core/qr-login";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { requestId, requestViewOutput } from "./qr-login.types";

/**
 * The device that scanned the code: who is asking (user agent, address) and
 * whether that browser still waits. The first session to open it becomes the
 * only one that may answer; others get QR_PARTY_LIMIT.
 */
export const inspectRequest = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/auth/qr/{requestId}",
      tags: ["auth"],
      summary: "Open a scanned QR sign-in request (device side)",
      protect: true,
    },
  })
  .input(z.object({ requestId }))
  .output(requestViewOutput)
  .query(({ ctx, input }) => inspectQrLogin(ctx.db, ctx.principal, input.requestId));
