import { TICKET_PRIORITIES, TICKET_STATUSES } from "@guildhall/core/tickets";
import { z } from "zod";
import { hubSlug } from "../hubs/hub.types";

export const ticketStatus = z.enum(TICKET_STATUSES);
export const ticketPriority = z.enum(TICKET_PRIORITIES);
export const subject = z.string().trim().min(3).max(100);
export const description = z.string().trim().min(10).max(2000);
export const category = z.string().trim().min(1).max(50);
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u);
/** Markdown, stored as written. */
export const messageBody = z.string().trim().min(1).max(4000);

/** Every procedure on one ticket: the hub and the ticket (both REST path parameters). */
export const onTicket = { hubSlug, ticketId: z.uuid() };

export const pageInput = {
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

/** `true` / `false` in a query string. */
export const queryBoolean = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional();

export const ticketOutput = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    subject: z.string(),
    description: z.string(),
    category: z.string(),
    status: ticketStatus,
    priority: ticketPriority,
    tags: z.array(z.string()),
    createdBy: z.uuid().nullable(),
    createdByName: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    reopenCount: z.number().int(),
    closeReason: z.string().nullable(),
    closedAt: z.date().nullable(),
    closedBy: z.uuid().nullable(),
    mergedIntoId: z.uuid().nullable(),
    firstResponseDueAt: z.date().nullable(),
    resolutionDueAt: z.date().nullable(),
    firstRespondedAt: z.date().nullable(),
    /** SLA: answered or resolved after its due time (or still not, past it). */
    breached: z.boolean(),
    unreadCount: z.number().int(),
    lastActivityAt: z.date(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Ticket" });

/** The row as written (no names, counts or SLA flag): what writes answer. */
export const ticketRowOutput = ticketOutput
  .omit({ createdByName: true, assigneeName: true, breached: true, unreadCount: true })
  .meta({ id: "TicketRow" });

export const attachmentOutput = z
  .object({ key: z.string(), name: z.string(), size: z.number().int(), type: z.string() })
  .meta({ id: "TicketAttachment" });

export const messageOutput = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    authorId: z.uuid().nullable(),
    body: z.string(),
    internal: z.boolean(),
    attachments: z.array(attachmentOutput),
    editedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "TicketMessage" });

export const cannedReplyOutput = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "CannedReply" });

export const slaPolicyOutput = z
  .object({
    id: z.uuid(),
    category: z.string(),
    firstResponseMinutes: z.number().int(),
    resolutionMinutes: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "SlaPolicy" });

export const cannedReplyTitle = z.string().trim().min(1).max(100);
export const cannedReplyBody = z.string().trim().min(1).max(4000);
/** Up to a year. */
export const slaMinutes = z.number().int().min(1).max(525_600);
