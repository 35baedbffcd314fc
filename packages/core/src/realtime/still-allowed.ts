import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Principal } from "../access";

/**
 * Whether a subscriber may still listen: the account is active and the
 * session behind a cookie or access token is neither revoked nor expired.
 * Subscriptions call this while they run and end when it turns false.
 */
export async function principalStillValid(db: DbOrTx, principal: Principal): Promise<boolean> {
  const [user] = await db
    .select({ isActive: schema.users.isActive })
    .from(schema.users)
    .where(eq(schema.users.id, principal.userId));
  if (!user?.isActive) return false;
  if (!principal.sessionId) return true;
  const [session] = await db
    .select({ id: schema.authSessions.id })
    .from(schema.authSessions)
    .where(
      and(
        eq(schema.authSessions.id, principal.sessionId),
        isNull(schema.authSessions.revokedAt),
        gt(schema.authSessions.expiresAt, new Date()),
      ),
    );
  return session !== undefined;
}
