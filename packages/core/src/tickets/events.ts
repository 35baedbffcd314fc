import type { DbOrTx } from "@guildhall/db";
import { publishEvent, publishEvents, publishSignal, type NewEvent } from "../realtime";
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
  await publishEvents(
    tx,
    [ticketStream(ticket.id), hubTicketsStream(ticket.hubId)].map((stream) => ({
      stream,
      hubId: ticket.hubId,
      type: "ticket.updated",
      payload,
    })),
  );
}

/**
 * A deleted ticket: stored on the hub's stream; on the ticket's own stream
 * (whose events are deleted with the ticket) a live signal, sent at commit,
 * ends the ticket's subscriptions at once.
 */
export async function publishTicketDeleted(
  tx: DbOrTx,
  ticket: Ticket,
  by: string | null,
): Promise<void> {
  const payload = { ...base(ticket), by };
  await publishEvent(tx, {
    stream: hubTicketsStream(ticket.hubId),
    hubId: ticket.hubId,
    type: "ticket.deleted",
    payload,
  });
  await publishSignal(tx, { stream: ticketStream(ticket.id), type: "ticket.deleted", payload });
}

/** A new or edited message, on the ticket's stream; internal notes say so (staff-only). */
export function messageEvent(
  type: "message.created" | "message.edited",
  ticket: Ticket,
  message: { id: string; authorId: string | null; internal: boolean; preview: string },
): NewEvent {
  return {
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
  };
}

export async function publishMessageEvent(
  tx: DbOrTx,
  ...args: Parameters<typeof messageEvent>
): Promise<void> {
  await publishEvent(tx, messageEvent(...args));
}

/**
 * A new message, on the hub's inbox stream (ids and time, no body), so inboxes
 * move the ticket up and count it unread; internal notes say so (staff-only).
 */
export function ticketActivityEvent(
  ticket: Ticket,
  message: { id: string; authorId: string | null; internal: boolean; createdAt: Date },
): NewEvent {
  return {
    stream: hubTicketsStream(ticket.hubId),
    hubId: ticket.hubId,
    type: "ticket.activity",
    payload: {
      ...base(ticket),
      messageId: message.id,
      authorId: message.authorId,
      internal: message.internal,
      lastMessageAt: message.createdAt.toISOString(),
    },
  };
}
