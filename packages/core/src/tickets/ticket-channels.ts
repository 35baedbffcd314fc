import type { Permission } from "@guildhall/permissions";
import type { HubActor } from "../access";
import { defineHubChannel, type BusItem } from "../realtime";
import { findTicket } from "./access";
import { hubTicketsStream, ticketStream } from "./events";
import { isTicketStaff, seesInternalNotes } from "./rules";

/**
 * Who gets a live ticket item: staff every one; anyone else only items of
 * their own tickets, never internal notes or the activity they cause.
 * Signals (typing, viewers) carry no owner and pass.
 */
export function ticketItemVisibleTo(actor: HubActor, item: BusItem): boolean {
  if (seesInternalNotes(actor)) return true;
  if (item.payload.internal === true) return false;
  const owner = item.payload.createdBy;
  return owner === undefined || owner === actor.userId;
}

/** What a subscriber must keep: ticket.read, and ticket.manage if they subscribed as staff. */
function ticketNeeds(first: HubActor): readonly Permission[] {
  return isTicketStaff(first) ? ["ticket.read", "ticket.manage"] : ["ticket.read"];
}

/**
 * One ticket, live (messages, edits, changes; typing and viewers as
 * signals). Access lasts while the subscriber keeps `ticketNeeds` and can
 * still see the ticket with their current roles.
 */
export const ticketChannel = defineHubChannel<{ ticketId: string }>({
  name: "ticket",
  stream: ({ ticketId }) => ticketStream(ticketId),
  needs: ticketNeeds,
  visibleTo: ticketItemVisibleTo,
  stillAllowed: (db, actor, { ticketId }) =>
    findTicket(db, actor, ticketId).then(
      () => true,
      () => false,
    ),
  presence: true,
});

/** The hub's ticket inbox, live: staff see every ticket, members their own. */
export const ticketInboxChannel = defineHubChannel<{ hubId: string }>({
  name: "ticket-inbox",
  stream: ({ hubId }) => hubTicketsStream(hubId),
  needs: ticketNeeds,
  visibleTo: ticketItemVisibleTo,
});
