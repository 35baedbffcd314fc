import { relations } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { hubMemberships } from "./hub-memberships";

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
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hubs_slug_key").on(t.slug)],
);

export const hubsRelations = relations(hubs, ({ many }) => ({
  memberships: many(hubMemberships),
}));

export type Hub = typeof hubs.$inferSelect;
export type NewHub = typeof hubs.$inferInsert;
