import { generateOpaqueToken, hashToken, sameSecret } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq, isNull } from "drizzle-orm";
import { AppError } from "../errors";
import { defineChannel } from "../realtime";
import {
  isQrExpired,
  loadQrRequest,
  qrLoginStream,
  QR_TICKET_SECONDS,
  type QrLoginRow,
} from "./rules";

const t = schema.qrLoginRequests;

/** The browser's own request: an unknown id and a wrong secret answer alike (QR_REQUEST_NOT_FOUND). */
export async function findOwnQrRequest(
  db: DbOrTx,
  requestId: string,
  secret: string,
): Promise<QrLoginRow> {
  const row = await loadQrRequest(db, requestId);
  if (!sameSecret(row.secretHash, hashToken(secret))) throw new AppError("QR_REQUEST_NOT_FOUND");
  return row;
}

/** Records that the asking browser is still there (approval needs it recent). */
export async function touchQrBrowser(db: DbOrTx, requestId: string): Promise<void> {
  await db.update(t).set({ browserSeenAt: new Date() }).where(eq(t.id, requestId));
}

/** Before a browser's watch starts: its request, live and not yet used, with the heartbeat recorded. */
export async function openQrWatch(db: DbOrTx, requestId: string, secret: string) {
  const row = await findOwnQrRequest(db, requestId, secret);
  if (row.status === "completed") throw new AppError("QR_ALREADY_DECIDED");
  if (isQrExpired(row)) throw new AppError("QR_EXPIRED");
  await touchQrBrowser(db, row.id);
  return row;
}

/** For browsers without a subscription: keeps the request's browser "waiting" and says where it stands. */
export async function qrHeartbeat(db: DbOrTx, requestId: string, secret: string) {
  const row = await findOwnQrRequest(db, requestId, secret);
  if (isQrExpired(row)) throw new AppError("QR_EXPIRED");
  await touchQrBrowser(db, row.id);
  return { status: row.status, expiresAt: row.expiresAt };
}

/**
 * Mints the browser's one-time ticket for an approved request: random, only
 * its hash stored, valid QR_TICKET_SECONDS. Each call replaces the previous
 * ticket, so a browser that reconnects gets a fresh one and the old one dies.
 * Null when the request is not (or no longer) waiting for its exchange.
 */
export async function issueQrTicket(
  db: DbOrTx,
  requestId: string,
): Promise<{ ticket: string; expiresAt: Date } | null> {
  const ticket = generateOpaqueToken("qrTicket");
  const expiresAt = new Date(Date.now() + QR_TICKET_SECONDS * 1000);
  const [row] = await db
    .update(t)
    .set({ ticketHash: hashToken(ticket), ticketExpiresAt: expiresAt })
    .where(and(eq(t.id, requestId), eq(t.status, "approved"), isNull(t.completedAt)))
    .returning({ id: t.id });
  return row ? { ticket, expiresAt } : null;
}

/** Whether the request still exists (a watch ends when it is purged). */
export async function qrRequestExists(db: DbOrTx, requestId: string): Promise<boolean> {
  const [row] = await db.select({ id: t.id }).from(t).where(eq(t.id, requestId));
  return row !== undefined;
}

/**
 * The asking browser's stream (`scanned`, `approved`, `denied`): whoever holds
 * the request's secret (checked before subscribing) watches it while the
 * request exists.
 */
export const qrLoginChannel = defineChannel<null, { requestId: string }>({
  name: "qr-login",
  stream: ({ requestId }) => qrLoginStream(requestId),
  stillAllowed: (db, _actor, { requestId }) => qrRequestExists(db, requestId),
});
