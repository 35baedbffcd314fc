import { createQrLoginRequest } from "@guildhall/core/qr-login";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { createdRequestOutput } from "./qr-login.types";

/** A browser asks to be signed in by scanning: a QR code of the approval page, and its secret. */
export const createRequest = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/qr",
      tags: ["auth"],
      summary: "Start a QR sign-in (browser side)",
      protect: false,
    },
    rateLimit: { name: "qr-login", points: 10, durationSeconds: 60, by: "ip" },
  })
  .input(z.void())
  .output(createdRequestOutput)
  .mutation(({ ctx }) =>
    createQrLoginRequest(ctx.db, { userAgent: ctx.userAgent, ip: ctx.ip }, ctx.origin),
  );
