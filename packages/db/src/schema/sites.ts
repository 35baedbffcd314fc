import {
  boolean,
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
import { id, timestamps } from "./columns";
import { hubId } from "./hub-column";
import { users } from "./users";

/** Seed 001 sites: places with cameras, belonging to a hub (a seed "group"). */
export const sites = pgTable(
  "sites",
  {
    id: id(),
    hubId: hubId(),
    name: text().notNull(),
    description: text().notNull().default(""),
    ...timestamps(),
  },
  (t) => [uniqueIndex("sites_hub_name_key").on(t.hubId, t.name)],
);

/** Users assigned to a site (members of the site's hub only). */
export const siteUsers = pgTable(
  "site_users",
  {
    hubId: hubId(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.userId] })],
);

/** A stream configuration of a site; the hub's stream limit caps them. */
export const streams = pgTable(
  "streams",
  {
    id: id(),
    hubId: hubId(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    name: text().notNull(),
    videoUrl: text().notNull(),
    modelKey: text().notNull(),
    /** What the model should detect, e.g. { person: true, vehicle: false }. */
    detection: jsonb().$type<Record<string, boolean>>().notNull().default({}),
    workStartHour: integer().notNull().default(7),
    workEndHour: integer().notNull().default(18),
    expiresAt: timestamp({ withTimezone: true }),
    storeVideo: boolean().notNull().default(false),
    storeDetections: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("streams_site_name_key").on(t.siteId, t.name),
    index("streams_hub_idx").on(t.hubId),
  ],
);
