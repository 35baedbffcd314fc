import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq, isNull, ne, type SQL } from "drizzle-orm";

/** Ends sessions: one, or all of a user's (optionally keeping one). Returns how many. */
export async function revokeSessions(
  db: DbOrTx,
  target: { sessionId: string } | { userId: string; except?: string | null },
  reason: string,
): Promise<number> {
  const { authSessions } = schema;
  const conditions: SQL[] = [isNull(authSessions.revokedAt)];
  if ("sessionId" in target) conditions.push(eq(authSessions.id, target.sessionId));
  else {
    conditions.push(eq(authSessions.userId, target.userId));
    if (target.except) conditions.push(ne(authSessions.id, target.except));
  }
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(...conditions))
    .returning({ id: authSessions.id });
  return rows.length;
}
