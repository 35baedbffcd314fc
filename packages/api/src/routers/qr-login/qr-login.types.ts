import { z } from "zod";

/** A QR sign-in request, as its path names it. */
export const requestId = z.uuid();

/** The browser's secret from `qrLogin.create` (shown once, stored hashed). */
export const secret = z.string().trim().min(1).max(200);

export const qrLoginStatus = z.enum(["pending", "scanned", "approved", "denied", "completed"]);

export const createdRequestOutput = z
  .object({
    requestId: z.uuid(),
    secret: z.string(),
    /** The page a signed-in device opens to approve; the QR code encodes it. */
    approveUrl: z.string(),
    /** The QR code as an SVG data URL (`data:image/svg+xml;base64,…`). */
    qrDataUrl: z.string(),
    expiresAt: z.date(),
  })
  .meta({ id: "QrLoginRequestCreated" });

export const requestViewOutput = z
  .object({
    requestId: z.uuid(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
    status: qrLoginStatus,
    /** The asking browser sent a heartbeat in the last 30 s (approval needs it). */
    browserWaiting: z.boolean(),
  })
  .meta({ id: "QrLoginRequest" });

export const decisionOutput = z.object({
  requestId: z.uuid(),
  status: z.enum(["approved", "denied"]),
});
