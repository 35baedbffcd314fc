import { generateOpaqueToken, hashToken, qrCodeDataUrl } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";
import { getEnv, publicUrl } from "../env";
import type { ClientInfo } from "../identity";

/**
 * The page a signed-in device opens from the QR code to approve or deny: on
 * PUBLIC_URL, or (unset) on the origin the asking client used.
 */
export function qrApproveUrl(requestId: string, requestOrigin: string | null): string {
  return `${publicUrl(requestOrigin)}/approve-sign-in?request=${encodeURIComponent(requestId)}`;
}

/**
 * A browser asks to be signed in by a device that already is. The secret
 * (shown once, stored hashed) is what makes the browser the first party; the
 * asker's user agent and address are shown to the approving device.
 */
export async function createQrLoginRequest(
  db: DbOrTx,
  client: ClientInfo,
  requestOrigin: string | null = null,
) {
  const secret = generateOpaqueToken("qrSecret");
  const now = Date.now();
  const [row] = await db
    .insert(schema.qrLoginRequests)
    .values({
      secretHash: hashToken(secret),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
      expiresAt: new Date(now + getEnv().QR_LOGIN_TTL_SECONDS * 1000),
      // The asker is waiting right now; heartbeats keep it so.
      browserSeenAt: new Date(now),
    })
    .returning({ id: schema.qrLoginRequests.id, expiresAt: schema.qrLoginRequests.expiresAt });
  if (!row) throw new Error("qr login insert returned nothing");
  const approveUrl = qrApproveUrl(row.id, requestOrigin);
  return {
    requestId: row.id,
    secret,
    approveUrl,
    qrDataUrl: await qrCodeDataUrl(approveUrl),
    expiresAt: row.expiresAt,
  };
}
