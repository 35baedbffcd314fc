import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Principal } from "../access";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import { publishEvent } from "../realtime";
import { avatarUrl, getUserById } from "../users";
import {
  isBrowserWaiting,
  isQrExpired,
  loadQrRequest,
  qrLoginStream,
  scannerSessionOf,
  type QrLoginRow,
} from "./rules";

const t = schema.qrLoginRequests;

/** What the approving device is shown: who asked, from where, and whether it still waits. */
export function qrLoginView(row: QrLoginRow) {
  return {
    requestId: row.id,
    userAgent: row.userAgent,
    ip: row.ip,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    status: row.status,
    browserWaiting: isBrowserWaiting(row),
  };
}
export type QrLoginView = ReturnType<typeof qrLoginView>;

/** Tells the browser who scanned its code (the account it is about to be signed in to). */
async function publishScanned(tx: DbOrTx, requestId: string, userId: string) {
  const user = await getUserById(tx, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  await publishEvent(tx, {
    stream: qrLoginStream(requestId),
    type: "scanned",
    payload: {
      username: user.username,
      displayName: user.displayName,
      avatarUrl: avatarUrl(user.avatarKey),
    },
  });
}

/**
 * A signed-in device opens the code. The first session to do so becomes the
 * second (and last) party, claimed by one conditional UPDATE so two scanners
 * racing cannot both win; that session may look again, any other gets
 * QR_PARTY_LIMIT (another session of the same user too).
 */
export async function inspectQrLogin(
  db: Database,
  principal: Principal,
  requestId: string,
): Promise<QrLoginView> {
  return db.transaction(async (tx) => {
    let row = await loadQrRequest(tx, requestId);
    const sessionId = scannerSessionOf(principal);
    if (isQrExpired(row)) throw new AppError("QR_EXPIRED");
    if (row.scannerSessionId === null) {
      const now = new Date();
      const [claimed] = await tx
        .update(t)
        .set({
          status: "scanned",
          scannerUserId: principal.userId,
          scannerSessionId: sessionId,
          scannedAt: now,
        })
        .where(
          and(
            eq(t.id, requestId),
            eq(t.status, "pending"),
            isNull(t.scannerSessionId),
            gt(t.expiresAt, now),
          ),
        )
        .returning();
      if (claimed) {
        await publishScanned(tx, requestId, principal.userId);
        return qrLoginView(claimed);
      }
      // Someone else's UPDATE won the race: read what it wrote.
      row = await loadQrRequest(tx, requestId);
    }
    if (row.scannerSessionId !== sessionId) throw new AppError("QR_PARTY_LIMIT");
    return qrLoginView(row);
  });
}

/**
 * The scanning session approves (the browser will be signed in as this
 * session's user) or denies. Approval needs the browser still waiting, so a
 * code photographed and approved later signs in nobody. Decided once.
 */
export async function decideQrLogin(
  db: Database,
  principal: Principal,
  requestId: string,
  decision: "approve" | "deny",
  meta: { ip?: string | null; requestId?: string | null } = {},
): Promise<{ requestId: string; status: "approved" | "denied" }> {
  return db.transaction(async (tx) => {
    const row = await loadQrRequest(tx, requestId, { lock: true });
    const sessionId = scannerSessionOf(principal);
    if (row.scannerSessionId !== sessionId) throw new AppError("QR_PARTY_LIMIT");
    if (row.status !== "scanned") throw new AppError("QR_ALREADY_DECIDED");
    if (isQrExpired(row)) throw new AppError("QR_EXPIRED");
    if (decision === "approve" && !isBrowserWaiting(row)) throw new AppError("QR_BROWSER_GONE");
    const status = decision === "approve" ? "approved" : "denied";
    await tx.update(t).set({ status, decidedAt: new Date() }).where(eq(t.id, requestId));
    // The ticket is minted by the browser's own watch, never stored in the event.
    await publishEvent(tx, { stream: qrLoginStream(requestId), type: status, payload: {} });
    if (status === "approved") {
      await recordAudit(tx, {
        hubId: null,
        actorId: principal.userId,
        action: "qrLogin.approve",
        targetType: "qr_login_request",
        targetId: requestId,
        after: { userAgent: row.userAgent, ip: row.ip },
        ip: meta.ip,
        requestId: meta.requestId,
      });
    }
    return { requestId, status };
  });
}
