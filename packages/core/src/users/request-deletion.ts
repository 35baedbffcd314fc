import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../access";

/** Days between asking to delete one's account and its removal (cancellable meanwhile). */
export const DELETION_GRACE_DAYS = 14;

/** Self-deletion: the account is removed after 14 days unless cancelled (purgeDeletedAccounts). */
export async function requestDeletion(db: Database, userId: string) {
  return db.transaction(async (tx) => {
    const requestedAt = new Date();
    await tx
      .update(schema.users)
      .set({ deletionRequestedAt: requestedAt })
      .where(eq(schema.users.id, userId));
    await recordAudit(tx, {
      hubId: null,
      actorId: userId,
      action: "user.requestDeletion",
      targetType: "user",
      targetId: userId,
    });
    return {
      deletionRequestedAt: requestedAt,
      deleteAfter: new Date(requestedAt.getTime() + DELETION_GRACE_DAYS * 86_400_000),
    };
  });
}

export async function cancelDeletion(db: Database, userId: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ deletionRequestedAt: null })
      .where(eq(schema.users.id, userId));
    await recordAudit(tx, {
      hubId: null,
      actorId: userId,
      action: "user.cancelDeletion",
      targetType: "user",
      targetId: userId,
    });
  });
}
