import type { DbOrTx } from "@guildhall/db";
import { publishEvent } from "../realtime";
import type { TicketRow } from "./access";

/**
 * Ticket events, published inside the write's transaction. Payloads carry ids
 * and changed fields only (never whole bodies); subscribers fetch the rest.
 * `createdBy` rides along so the subscription side can filter for non-staff.
 */
export const ticketStream = (ticketId: string) => `ticket:${ticketId}`;
export const hubTicketsStream = (hubId: string) => `hub-tickets:${hubId}`;

type Ticket = Pick<TicketRow, "id" | "hubId" | "number" | "createdBy">;

function base(ticket: Ticket) {
  return { ticketId: ticket.id, number: ticket.number, createdBy: ticket.createdBy };
}

export async function publishTicketCreated(tx: DbOrTx, ticket: TicketRow): Promise<void> {
  await publishEvent(tx, {
    stream: hubTicketsStream(ticket.hubId),
    hubId: ticket.hubId,
    type: "ticket.created",
    payload: {
      ...base(ticket),
      subject: ticket.subject,
      category: ticket.category,
      status: ticket.status,
      priority: ticket.priority,
    },
  });
}

/** A change of status, assignee, priority, tags, ...: on the ticket's stream and the hub's. */
export async function publishTicketUpdated(
  tx: DbOrTx,
  ticket: Ticket,
  changes: Record<string, unknown>,
  by: string | null,
): Promise<void> {
  const payload = { ...base(ticket), changes, by };
  await publishEvent(tx, {
    stream: ticketStream(ticket.id),
    hubId: ticket.hubId,
    type: "ticket.updated",
    payload,
  });
  await publishEvent(tx, {
    stream: hubTicketsStream(ticket.hubId),
    hubId: ticket.hubId,
    type: "ticket.updated",
    payload,
  });
}

export async function publishTicketDeleted(
  tx: DbOrTx,
  ticket: Ticket,
  by: string | null,
): Promise<void> {
  for (const stream of [ticketStream(ticket.id), hubTicketsStream(ticket.hubId)]) {
    await publishEvent(tx, {
      stream,
      hubId: ticket.hubId,
      type: "ticket.deleted",
      payload: { ...base(ticket), by },
    });
  }
}

/** A new or edited message, on the ticket's stream; internal notes say so (staff-only). */
export async function publishMessageEvent(
  tx: DbOrTx,
  type: "message.created" | "message.edited",
  ticket: Ticket,
  message: { id: string; authorId: string | null; internal: boolean; preview: string },
): Promise<void> {
  await publishEvent(tx, {
    stream: ticketStream(ticket.id),
    hubId: ticket.hubId,
    type,
    payload: {
      ticketId: ticket.id,
      messageId: message.id,
      authorId: message.authorId,
      internal: message.internal,
      preview: message.preview,
    },
  });
}
