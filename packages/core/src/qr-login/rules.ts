import { schema, type DbOrTx } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { AppError } from "../errors";
import type { Principal } from "../access";

export type QrLoginRow = typeof schema.qrLoginRequests.$inferSelect;

/** The request's event stream: `scanned`, then `approved` or `denied` (ids only, never a ticket). */
export const qrLoginStream = (requestId: string) => `qr:${requestId}`;

/** A browser silent for longer than this is gone: approving then would sign in nobody. */
export const QR_BROWSER_WAITING_SECONDS = 30;
/** The one-time ticket is exchanged at once by a waiting browser; a minute is plenty. */
export const QR_TICKET_SECONDS = 60;

export function isQrExpired(row: Pick<QrLoginRow, "expiresAt">, now = Date.now()): boolean {
  return row.expiresAt.getTime() <= now;
}

export function isBrowserWaiting(row: Pick<QrLoginRow, "browserSeenAt">, now = Date.now()) {
  return (
    row.browserSeenAt !== null &&
    row.browserSeenAt.getTime() > now - QR_BROWSER_WAITING_SECONDS * 1000
  );
}

/** The request, locked for the transaction when `lock` is set; unknown ids are QR_REQUEST_NOT_FOUND. */
export async function loadQrRequest(
  db: DbOrTx,
  requestId: string,
  options: { lock?: boolean } = {},
): Promise<QrLoginRow> {
  const query = db
    .select()
    .from(schema.qrLoginRequests)
    .where(eq(schema.qrLoginRequests.id, requestId));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new AppError("QR_REQUEST_NOT_FOUND");
  return row;
}

/**
 * The session a device party is: the second party is one signed-in session,
 * so application tokens (no session, possibly a script) may not scan or approve.
 */
export function scannerSessionOf(principal: Principal): string {
  if (principal.via === "application-token" || !principal.sessionId)
    throw new AppError("FORBIDDEN");
  return principal.sessionId;
}
