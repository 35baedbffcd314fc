import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, asc, eq } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { AppError, violatedConstraint } from "../errors";

export type CannedReply = typeof schema.cannedReplies.$inferSelect;

function titleTaken(): AppError {
  return new AppError("CONFLICT", {}, { fieldErrors: { title: ["validation.cannedReplyTitle"] } });
}

/** The hub's saved answers, by title. */
export function listCannedReplies(db: DbOrTx, hubId: string): Promise<CannedReply[]> {
  return db
    .select()
    .from(schema.cannedReplies)
    .where(eq(schema.cannedReplies.hubId, hubId))
    .orderBy(asc(schema.cannedReplies.title));
}

/**
 * Saves a new answer. Creating the same title with the same body again returns
 * the existing one (a retried request is harmless); another body under a
 * taken title is a CONFLICT.
 */
export async function createCannedReply(
  db: Database,
  actor: HubActor,
  input: { title: string; body: string },
): Promise<CannedReply> {
  const c = schema.cannedReplies;
  const existing = async (tx: DbOrTx) => {
    const [saved] = await tx
      .select()
      .from(c)
      .where(and(eq(c.hubId, actor.hubId), eq(c.title, input.title)));
    if (saved && saved.body !== input.body) throw titleTaken();
    return saved;
  };
  return db.transaction(async (tx) => {
    const saved = await existing(tx);
    if (saved) return saved;
    const [reply] = await tx
      .insert(c)
      .values({ hubId: actor.hubId, title: input.title, body: input.body, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    // A concurrent request saved the title first (its insert committed while ours waited).
    if (!reply) {
      const raced = await existing(tx);
      if (!raced) throw titleTaken();
      return raced;
    }
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "cannedReply.create",
      targetType: "cannedReply",
      targetId: reply.id,
      after: { title: reply.title },
    });
    return reply;
  });
}

export async function updateCannedReply(
  db: Database,
  actor: HubActor,
  replyId: string,
  changes: { title?: string; body?: string },
): Promise<CannedReply> {
  const c = schema.cannedReplies;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(c)
        .where(and(eq(c.id, replyId), eq(c.hubId, actor.hubId)));
      if (!before) throw new AppError("CANNED_REPLY_NOT_FOUND");
      const [after] = await tx
        .update(c)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(c.id, before.id))
        .returning();
      await recordAudit(tx, {
        ...auditBase(actor),
        action: "cannedReply.update",
        targetType: "cannedReply",
        targetId: before.id,
        before: { title: before.title },
        after: { title: after!.title, bodyChanged: after!.body !== before.body },
      });
      return after!;
    });
  } catch (error) {
    if (violatedConstraint(error) !== null) throw titleTaken();
    throw error;
  }
}

export async function deleteCannedReply(db: Database, actor: HubActor, replyId: string) {
  const c = schema.cannedReplies;
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(c)
      .where(and(eq(c.id, replyId), eq(c.hubId, actor.hubId)))
      .returning();
    if (!deleted) throw new AppError("CANNED_REPLY_NOT_FOUND");
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "cannedReply.delete",
      targetType: "cannedReply",
      targetId: deleted.id,
      before: { title: deleted.title },
    });
  });
}
