import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq, getTableColumns, type SQL } from "drizzle-orm";
import { getConfigSectionData } from "../config";
import { AppError } from "../errors";
import type { HubActor } from "../access";
import { isTicketStaff, seesInternalNotes } from "./rules";

const { search: _ticketSearch, ...columns } = getTableColumns(schema.tickets);
/** A ticket's columns without its search vector (never sent anywhere). */
export const ticketColumns = columns;
export type TicketRow = Omit<typeof schema.tickets.$inferSelect, "search">;

/** The hub's `tickets` configuration section (its defaults until saved). */
export function ticketSettings(db: DbOrTx, hubId: string) {
  return getConfigSectionData(db, hubId, "tickets");
}

/** The tickets `actor` may see: all of the hub for staff, otherwise their own. */
export function visibleTickets(actor: HubActor): SQL {
  const t = schema.tickets;
  return isTicketStaff(actor)
    ? eq(t.hubId, actor.hubId)
    : and(eq(t.hubId, actor.hubId), eq(t.createdBy, actor.userId))!;
}

/** The messages `actor` may see of the tickets they see: internal notes for staff only. */
export function visibleMessages(actor: HubActor): SQL | undefined {
  return seesInternalNotes(actor) ? undefined : eq(schema.ticketMessages.internal, false);
}

/**
 * One ticket the actor may see, optionally locked for the transaction. Another
 * hub's ticket, and another member's ticket for non-staff, are TICKET_NOT_FOUND.
 */
export async function findTicket(
  db: DbOrTx,
  actor: HubActor,
  ticketId: string,
  options: { lock?: boolean } = {},
): Promise<TicketRow> {
  const query = db
    .select(ticketColumns)
    .from(schema.tickets)
    .where(and(eq(schema.tickets.id, ticketId), visibleTickets(actor)));
  const [ticket] = options.lock ? await query.for("update") : await query;
  if (!ticket) throw new AppError("TICKET_NOT_FOUND");
  return ticket;
}

export function assertNotClosed(ticket: TicketRow): void {
  if (ticket.status === "closed")
    throw new AppError(ticket.mergedIntoId ? "TICKET_MERGED" : "TICKET_CLOSED", {
      number: ticket.number,
    });
}
