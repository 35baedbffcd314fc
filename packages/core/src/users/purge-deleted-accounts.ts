import { schema, type DbOrTx } from "@guildhall/db";
import { lte } from "drizzle-orm";
import { DELETION_GRACE_DAYS } from "./request-deletion";

/** Removes accounts whose grace period is over (run by the scheduler). Returns how many. */
export async function purgeDeletedAccounts(db: DbOrTx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DELETION_GRACE_DAYS * 86_400_000);
  const rows = await db
    .delete(schema.users)
    // Column operators bind the Date as a timestamp (a raw sql`` parameter would not on postgres.js).
    .where(lte(schema.users.deletionRequestedAt, cutoff))
    .returning({ id: schema.users.id });
  return rows.length;
}
