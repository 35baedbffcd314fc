import type { MatrixEntry } from "./callers";
import { hubPermission, nobody } from "./callers";

/** The matrix rows of tickets, their messages, live streams and settings. */
export const ticketsRows: Record<string, MatrixEntry> = {
  // tickets: members open and read their own, staff (ticket.manage) handle all, admins delete.
  // Writes on one ticket name `nobody`, so permitted callers get TICKET_NOT_FOUND and nothing changes.
  "tickets.list": {
    input: { hubSlug: "alpha", status: "active", breached: "false" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubPermission("member"),
  },
  "tickets.create": {
    // Each caller opens one ticket per run (staff are exempt from the cooldown anyway).
    input: {
      hubSlug: "alpha",
      subject: "Matrix ticket",
      description: "Opened by the authorization matrix.",
      category: "Support",
    },
    badInput: { hubSlug: "alpha", subject: "x", description: "short", category: "Support" },
    outcomes: hubPermission("member"),
  },
  "tickets.unread": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("member"),
  },
  "tickets.cannedReplies.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "tickets.cannedReplies.create": {
    // The same title and body again returns the saved reply, so every caller gets "ok".
    input: { hubSlug: "alpha", title: "Matrix", body: "Saved by the authorization matrix." },
    badInput: { hubSlug: "alpha", title: "", body: "x" },
    outcomes: hubPermission("moderator"),
  },
  "tickets.cannedReplies.update": {
    input: { hubSlug: "alpha", replyId: nobody, title: "Renamed" },
    badInput: { hubSlug: "alpha", replyId: "x" },
    outcomes: hubPermission("moderator", "CANNED_REPLY_NOT_FOUND"),
  },
  "tickets.cannedReplies.delete": {
    input: { hubSlug: "alpha", replyId: nobody },
    badInput: { hubSlug: "alpha", replyId: "x" },
    outcomes: hubPermission("moderator", "CANNED_REPLY_NOT_FOUND"),
  },
  "tickets.sla.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "tickets.sla.set": {
    // Setting the same targets again changes nothing.
    input: { hubSlug: "alpha", category: "Bug", firstResponseMinutes: 60, resolutionMinutes: 480 },
    badInput: { hubSlug: "alpha", category: "Bug", firstResponseMinutes: 0, resolutionMinutes: 1 },
    outcomes: hubPermission("moderator"),
  },
  "tickets.sla.delete": {
    input: { hubSlug: "alpha", category: "Application" },
    badInput: { hubSlug: "alpha", category: "" },
    outcomes: hubPermission("moderator", "SLA_POLICY_NOT_FOUND"),
  },
  "tickets.get": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.update": {
    input: { hubSlug: "alpha", ticketId: nobody, priority: "high" },
    badInput: { hubSlug: "alpha", ticketId: nobody, priority: "highest" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.delete": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("admin", "TICKET_NOT_FOUND"),
  },
  "tickets.claim": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.assign": {
    input: { hubSlug: "alpha", ticketId: nobody, assigneeId: nobody },
    badInput: { hubSlug: "alpha", ticketId: nobody, assigneeId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.unassign": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.close": {
    input: { hubSlug: "alpha", ticketId: nobody, reason: "Matrix" },
    badInput: { hubSlug: "alpha", ticketId: nobody, reason: "x".repeat(501) },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.reopen": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.markRead": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.merge": {
    input: {
      hubSlug: "alpha",
      ticketId: nobody,
      targetTicketId: "00000000-0000-7000-8000-000000000001",
    },
    badInput: { hubSlug: "alpha", ticketId: nobody, targetTicketId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.transcript": {
    input: { hubSlug: "alpha", ticketId: nobody, format: "html" },
    badInput: { hubSlug: "alpha", ticketId: nobody, format: "pdf" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.messages.list": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: nobody, limit: 0 },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.messages.send": {
    input: { hubSlug: "alpha", ticketId: nobody, body: "Hello from the matrix" },
    badInput: { hubSlug: "alpha", ticketId: nobody, body: "" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.messages.edit": {
    input: { hubSlug: "alpha", ticketId: nobody, messageId: nobody, body: "Edited" },
    badInput: { hubSlug: "alpha", ticketId: nobody, messageId: "x", body: "Edited" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.attachments.upload": {
    input: { hubSlug: "alpha", ticketId: nobody, name: "note.txt", data: "aGVsbG8=" },
    badInput: { hubSlug: "alpha", ticketId: nobody, name: "", data: "aGVsbG8=" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.attachments.get": {
    input: { hubSlug: "alpha", ticketId: nobody, fileId: nobody },
    badInput: { hubSlug: "alpha", ticketId: nobody, fileId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },

  "tickets.settings": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("member"),
  },
  "tickets.watchInbox": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", lastEventId: "x" },
    outcomes: hubPermission("member"),
  },
  "tickets.watch": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.typing": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
};
