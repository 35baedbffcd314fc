import { schema, type Database } from "@guildhall/db";
import { and, eq, inArray } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { publishEvents } from "../realtime";
import { assertNotClosed, ticketSettings, type TicketRow } from "./access";
import { closeTicketRow } from "./close-reopen";
import { messageEvent, publishTicketUpdated, ticketActivityEvent } from "./events";
import { preview } from "./rules";

/**
 * Staff merge a ticket into another of the hub: its messages move to the
 * target, its subject and description become a message there (by its
 * requester), and it is closed pointing to the target (`mergedIntoId`).
 * Both rows are locked in id order, so two crossing merges cannot deadlock.
 */
export async function mergeTickets(
  db: Database,
  actor: HubActor,
  sourceId: string,
  targetId: string,
  now = new Date(),
): Promise<{ source: TicketRow; target: TicketRow; movedMessages: number }> {
  if (sourceId === targetId)
    throw new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { targetTicketId: ["validation.ticketMergeSelf"] } },
    );
  const settings = await ticketSettings(db, actor.hubId);
  return db.transaction(async (tx) => {
    const t = schema.tickets;
    const rows = await tx
      .select()
      .from(t)
      .where(and(eq(t.hubId, actor.hubId), inArray(t.id, [sourceId, targetId])))
      .orderBy(t.id)
      .for("update");
    const source = rows.find((row) => row.id === sourceId);
    const target = rows.find((row) => row.id === targetId);
    if (!source || !target) throw new AppError("TICKET_NOT_FOUND");
    if (source.mergedIntoId) throw new AppError("TICKET_MERGED", { number: source.number });
    assertNotClosed(target);
    const m = schema.ticketMessages;
    const moved = await tx
      .update(m)
      .set({ ticketId: target.id })
      .where(eq(m.ticketId, source.id))
      .returning({ id: m.id });
    const body = `**Merged from #${source.number}: ${source.subject}**\n\n${source.description}`;
    const [note] = await tx
      .insert(m)
      .values({
        hubId: actor.hubId,
        ticketId: target.id,
        authorId: source.createdBy,
        body,
        createdAt: now,
      })
      .returning();
    await tx.update(t).set({ lastActivityAt: now, updatedAt: now }).where(eq(t.id, target.id));
    await publishEvents(tx, [
      messageEvent("message.created", target, {
        id: note!.id,
        authorId: source.createdBy,
        internal: false,
        preview: preview(body),
      }),
      ticketActivityEvent(target, note!),
    ]);
    await publishTicketUpdated(
      tx,
      target,
      { mergedFromId: source.id, movedMessages: moved.length },
      actor.userId,
    );
    await tx.update(t).set({ mergedIntoId: target.id }).where(eq(t.id, source.id));
    await publishTicketUpdated(tx, source, { mergedIntoId: target.id }, actor.userId);
    const merged = { ...source, mergedIntoId: target.id };
    const closed =
      source.status === "closed"
        ? merged
        : await closeTicketRow(tx, merged, {
            by: actor.userId,
            reason: `Merged into #${target.number}`,
            now,
            transcript: settings.transcript_enabled,
          });
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "ticket.merge",
      targetType: "ticket",
      targetId: source.id,
      before: { status: source.status },
      after: { mergedIntoId: target.id, movedMessages: moved.length },
    });
    return { source: closed, target, movedMessages: moved.length };
  });
}
