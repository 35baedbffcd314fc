import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

/** A hub is one tenant: a community with its own members, settings and data. */
export const hubs = pgTable(
  "hubs",
  {
    id: id(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    defaultLocale: text().notNull().default("en"),
    timezone: text().notNull().default("UTC"),
    /** Storage key of the logo image; colours are CSS hex values. */
    logoKey: text(),
    primaryColor: text(),
    accentColor: text(),
    distanceUnit: text().$type<"km" | "mi">().notNull().default("km"),
    /** Community modules switched on for this hub (events, polls, tickets, ...). */
    modules: text().array().notNull().default([]),
    /** How people join: anyone, by application (staff accept), or by invite only. */
    joinPolicy: text().$type<"open" | "application" | "invite">().notNull().default("application"),
    /** Seed 001 group limit: streams across all sites of the hub. */
    streamLimit: integer().notNull().default(10),
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hubs_slug_key").on(t.slug)],
);

export type Hub = typeof hubs.$inferSelect;
export type NewHub = typeof hubs.$inferInsert;
