import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { hubs } from "./hubs";

/**
 * One row per event stream (a ticket, a hub's inbox, a user's chats): the last
 * sequence number handed out. Publishing locks this row for the transaction,
 * so within a stream numbers are handed out in commit order.
 */
export const realtimeStreams = pgTable("realtime_streams", {
  stream: text().primaryKey(),
  lastSeq: bigint({ mode: "number" }).notNull().default(0),
});

/** Persisted events, numbered per stream, so a subscriber can resume after the last it saw. */
export const realtimeEvents = pgTable(
  "realtime_events",
  {
    stream: text().notNull(),
    seq: bigint({ mode: "number" }).notNull(),
    hubId: uuid().references(() => hubs.id, { onDelete: "cascade" }),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.stream, t.seq] }),
    index("realtime_events_created_idx").on(t.createdAt),
  ],
);
