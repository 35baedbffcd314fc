import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamps } from "./columns";
import { hubId } from "./hub-column";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const at = () => timestamp({ withTimezone: true });
const userRef = () => uuid().references(() => users.id, { onDelete: "set null" });

export type TicketStatus = "open" | "pending" | "on_hold" | "closed";
export type TicketPriority = "low" | "normal" | "high" | "urgent";

/** Support tickets of a hub, numbered 1, 2, 3, ... per hub. */
export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    hubId: hubId(),
    number: integer().notNull(),
    subject: text().notNull(),
    description: text().notNull(),
    category: text().notNull(),
    status: text().$type<TicketStatus>().notNull().default("open"),
    priority: text().$type<TicketPriority>().notNull().default("normal"),
    tags: text().array().notNull().default([]),
    createdBy: userRef(),
    assigneeId: userRef(),
    reopenCount: integer().notNull().default(0),
    closeReason: text(),
    closedAt: at(),
    closedBy: userRef(),
    /** Set when merged: this ticket's messages moved to that one. */
    mergedIntoId: uuid(),
    /** SLA: due times from the category's policy, and when staff first answered. */
    firstResponseDueAt: at(),
    resolutionDueAt: at(),
    firstRespondedAt: at(),
    lastActivityAt: at().notNull().defaultNow(),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(description, ''))`,
    ),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("tickets_hub_number_key").on(t.hubId, t.number),
    index("tickets_hub_status_idx").on(t.hubId, t.status, t.id),
    index("tickets_creator_idx").on(t.hubId, t.createdBy, t.createdAt),
    index("tickets_search_idx").using("gin", t.search),
  ],
);

/** The last ticket number handed out per hub (locked while numbering). */
export const ticketCounters = pgTable("ticket_counters", {
  hubId: hubId().primaryKey(),
  lastNumber: integer().notNull().default(0),
});

/** Messages of a ticket; internal notes are visible to staff only. */
export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: id(),
    hubId: hubId(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    authorId: userRef(),
    body: text().notNull(),
    internal: boolean().notNull().default(false),
    /** Storage keys and names of attached files. */
    attachments: jsonb()
      .$type<{ key: string; name: string; size: number; type: string }[]>()
      .notNull()
      .default([]),
    editedAt: at(),
    createdAt: createdAt(),
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', coalesce(body, ''))`),
  },
  (t) => [
    index("ticket_messages_ticket_idx").on(t.ticketId, t.id),
    index("ticket_messages_search_idx").using("gin", t.search),
  ],
);

/** How far each user has read each ticket (for unread counts). */
export const ticketReads = pgTable(
  "ticket_reads",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    hubId: hubId(),
    /** The newest message id read (UUIDv7 ids are time-ordered). */
    lastReadMessageId: uuid(),
    readAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] })],
);

/** Saved answers staff insert into a reply. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: id(),
    hubId: hubId(),
    title: text().notNull(),
    body: text().notNull(),
    createdBy: userRef(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("canned_replies_hub_title_key").on(t.hubId, t.title)],
);

/** First-response and resolution targets per ticket category. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: id(),
    hubId: hubId(),
    category: text().notNull(),
    firstResponseMinutes: integer().notNull(),
    resolutionMinutes: integer().notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("sla_policies_hub_category_key").on(t.hubId, t.category)],
);

/** Transcripts of closed tickets, kept after close (HTML and Markdown). */
export const ticketTranscripts = pgTable("ticket_transcripts", {
  ticketId: uuid()
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  hubId: hubId(),
  markdown: text().notNull(),
  html: text().notNull(),
  createdAt: createdAt(),
});
