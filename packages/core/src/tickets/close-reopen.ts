import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { eq, sql } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { assertNotClosed, findTicket, ticketSettings, type TicketRow } from "./access";
import { assertBelowOpenLimit } from "./create-ticket";
import { publishTicketUpdated } from "./events";
import { isTicketStaff, MAX_TICKET_REOPENS } from "./rules";
import { storeTranscript } from "./transcript";

/**
 * Closes a locked, not yet closed ticket: status, who and why, the transcript
 * (when the hub keeps them) and the event. `by` is null for the scheduler.
 */
export async function closeTicketRow(
  tx: DbOrTx,
  ticket: TicketRow,
  close: { by: string | null; reason: string | null; now: Date; transcript: boolean },
): Promise<TicketRow> {
  const [closed] = await tx
    .update(schema.tickets)
    .set({
      status: "closed",
      closedAt: close.now,
      closedBy: close.by,
      closeReason: close.reason,
      lastActivityAt: close.now,
      updatedAt: close.now,
    })
    .where(eq(schema.tickets.id, ticket.id))
    .returning();
  if (close.transcript) await storeTranscript(tx, closed!);
  await publishTicketUpdated(
    tx,
    closed!,
    { status: "closed", closedAt: close.now.toISOString(), closeReason: close.reason },
    close.by,
  );
  return closed!;
}

/** Closes a ticket: its creator or staff (others cannot see it), with an optional reason. */
export async function closeTicket(
  db: Database,
  actor: HubActor,
  ticketId: string,
  reason: string | null = null,
  now = new Date(),
): Promise<TicketRow> {
  const settings = await ticketSettings(db, actor.hubId);
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    assertNotClosed(ticket);
    const closed = await closeTicketRow(tx, ticket, {
      by: actor.userId,
      reason,
      now,
      transcript: settings.transcript_enabled,
    });
    if (isTicketStaff(actor))
      await recordAudit(tx, {
        ...auditBase(actor),
        action: "ticket.close",
        targetType: "ticket",
        targetId: ticket.id,
        before: { status: ticket.status },
        after: { status: "closed", reason },
      });
    return closed;
  });
}

/**
 * Reopens a closed ticket, at most MAX_TICKET_REOPENS times; a merged ticket
 * stays closed. A non-staff creator is held to the open-ticket limit again.
 */
export async function reopenTicket(
  db: Database,
  actor: HubActor,
  ticketId: string,
  now = new Date(),
): Promise<TicketRow> {
  const settings = await ticketSettings(db, actor.hubId);
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    if (ticket.status !== "closed")
      throw new AppError("TICKET_NOT_CLOSED", { number: ticket.number });
    if (ticket.mergedIntoId) throw new AppError("TICKET_MERGED", { number: ticket.number });
    if (ticket.reopenCount >= MAX_TICKET_REOPENS)
      throw new AppError("TICKET_REOPEN_LIMIT", { max: MAX_TICKET_REOPENS });
    const staff = isTicketStaff(actor);
    if (!staff)
      await assertBelowOpenLimit(tx, actor.hubId, actor.userId, settings.max_open_per_user);
    const [reopened] = await tx
      .update(schema.tickets)
      .set({
        status: "open",
        reopenCount: sql`${schema.tickets.reopenCount} + 1`,
        closedAt: null,
        closedBy: null,
        closeReason: null,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(schema.tickets.id, ticket.id))
      .returning();
    await publishTicketUpdated(
      tx,
      reopened!,
      { status: "open", reopenCount: reopened!.reopenCount },
      actor.userId,
    );
    if (staff)
      await recordAudit(tx, {
        ...auditBase(actor),
        action: "ticket.reopen",
        targetType: "ticket",
        targetId: ticket.id,
        before: { status: "closed" },
        after: { status: "open", reopenCount: reopened!.reopenCount },
      });
    return reopened!;
  });
}
