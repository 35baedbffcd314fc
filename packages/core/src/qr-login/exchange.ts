import { hashToken } from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import { AppError } from "../errors";
import { createSession, type ClientInfo, type TokenPair } from "../identity";
import { getUserById } from "../users";

const t = schema.qrLoginRequests;

/**
 * The browser trades its one-time ticket for a session of the approving user.
 * One conditional UPDATE marks the request completed, so a ticket works once
 * even when sent twice at the same moment; reused, replaced, expired and
 * unknown tickets are QR_TICKET_INVALID. No MFA step: a signed-in session
 * approved it (the new session is not marked MFA-verified, though).
 */
export async function exchangeQrTicket(
  db: Database,
  ticket: string,
  client: ClientInfo,
  kind: "api" | "browser",
): Promise<TokenPair & { userId: string }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [claimed] = await tx
      .update(t)
      .set({ status: "completed", completedAt: now })
      .where(
        and(
          eq(t.ticketHash, hashToken(ticket)),
          eq(t.status, "approved"),
          isNull(t.completedAt),
          gt(t.ticketExpiresAt, now),
        ),
      )
      .returning({ userId: t.scannerUserId });
    if (!claimed?.userId) throw new AppError("QR_TICKET_INVALID");
    const user = await getUserById(tx, claimed.userId);
    // Thrown inside the transaction: the request stays approved, nothing half-done.
    if (!user?.isActive) throw new AppError("ACCOUNT_INACTIVE");
    const tokens = await createSession(tx, {
      userId: user.id,
      kind,
      mfaVerified: false,
      userAgent: client.userAgent,
      ip: client.ip,
    });
    return { userId: user.id, ...tokens };
  });
}
