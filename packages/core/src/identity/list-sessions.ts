import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, gt, isNull } from "drizzle-orm";

/** A user's active sessions (device, IP, last seen), newest activity first. */
export function listSessions(db: DbOrTx, userId: string) {
  const { authSessions } = schema;
  return db
    .select({
      id: authSessions.id,
      kind: authSessions.kind,
      userAgent: authSessions.userAgent,
      ip: authSessions.ip,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(authSessions.lastSeenAt));
}
