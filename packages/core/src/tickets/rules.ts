/**
 * The ticket rules that need no database: limits, the create cooldown, SLA due
 * times and breach, and who counts as staff. Everything else in this folder
 * builds on these.
 */
import type { HubActor } from "../access";

/** A ticket can be reopened at most this many times (seed 004). */
export const MAX_TICKET_REOPENS = 3;
export const TICKET_STATUSES = ["open", "pending", "on_hold", "closed"] as const;
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
/** Statuses staff set directly; `closed` goes through close / reopen. */
export const SETTABLE_STATUSES = ["open", "pending", "on_hold"] as const;

export type TicketStatusValue = (typeof TICKET_STATUSES)[number];
export type TicketPriorityValue = (typeof TICKET_PRIORITIES)[number];

/** Staff handle every ticket of the hub; everyone else sees only their own. */
export function isTicketStaff(actor: Pick<HubActor, "superAdmin" | "permissions">): boolean {
  return actor.superAdmin || actor.permissions.has("ticket.manage");
}

/**
 * Internal notes, and the activity they cause, reach staff only: the one rule
 * behind the message queries (`visibleMessages`) and the live channels
 * (`ticketItemVisibleTo`).
 */
export function seesInternalNotes(actor: Pick<HubActor, "superAdmin" | "permissions">): boolean {
  return isTicketStaff(actor);
}

/**
 * What is left of the create cooldown (the hub's `cooldown_minutes`, seed 004:
 * one ticket per hour; 0 none), or null when the caller may open a ticket now.
 */
export function cooldownLeft(
  lastCreatedAt: Date | null | undefined,
  now: Date,
  cooldownMinutes: number,
): { minutes: number; seconds: number; totalSeconds: number } | null {
  if (!lastCreatedAt || cooldownMinutes <= 0) return null;
  const leftMs = lastCreatedAt.getTime() + cooldownMinutes * 60_000 - now.getTime();
  if (leftMs <= 0) return null;
  const totalSeconds = Math.ceil(leftMs / 1000);
  return { minutes: Math.floor(totalSeconds / 60), seconds: totalSeconds % 60, totalSeconds };
}

export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** Due times of a ticket created at `createdAt` under a category's policy (none without one). */
export function slaDueTimes(createdAt: Date, policy: SlaTargets | null | undefined) {
  if (!policy) return { firstResponseDueAt: null, resolutionDueAt: null };
  const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
  return {
    firstResponseDueAt: at(policy.firstResponseMinutes),
    resolutionDueAt: at(policy.resolutionMinutes),
  };
}

export interface SlaState {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  closedAt: Date | null;
}

/**
 * A ticket breached its SLA when staff answered (or still have not answered)
 * after the first-response due time, or it was closed (or is still open)
 * after the resolution due time.
 */
export function isSlaBreached(ticket: SlaState, now: Date): boolean {
  const late = (due: Date | null, doneAt: Date | null) =>
    due !== null && (doneAt ?? now).getTime() > due.getTime();
  return (
    late(ticket.firstResponseDueAt, ticket.firstRespondedAt) ||
    late(ticket.resolutionDueAt, ticket.closedAt)
  );
}

/** Tags are lowercase words (letters, digits, `-`, `_`), unique, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

/** The first characters of a message for event payloads (kept small). */
export function preview(body: string, length = 200): string {
  return body.length > length ? `${body.slice(0, length)}…` : body;
}
