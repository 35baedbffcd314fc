import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";

/** Adds a staff note about a user of the hub (member or formerly banned). */
export async function addNote(db: Database, actor: HubActor, userId: string, body: string) {
  if (!(await getUserById(db, userId))) throw new AppError("USER_NOT_FOUND");
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(schema.memberNotes)
      .values({ hubId: actor.hubId, userId, authorId: actor.userId, body })
      .returning();
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "member.note",
      targetType: "member",
      targetId: userId,
      after: { noteId: note!.id },
    });
    return note!;
  });
}

export function listNotes(db: DbOrTx, hubId: string, userId: string) {
  return db
    .select({
      id: schema.memberNotes.id,
      body: schema.memberNotes.body,
      authorId: schema.memberNotes.authorId,
      authorName: schema.users.username,
      createdAt: schema.memberNotes.createdAt,
    })
    .from(schema.memberNotes)
    .leftJoin(schema.users, eq(schema.users.id, schema.memberNotes.authorId))
    .where(and(eq(schema.memberNotes.hubId, hubId), eq(schema.memberNotes.userId, userId)))
    .orderBy(desc(schema.memberNotes.id))
    .limit(200);
}
