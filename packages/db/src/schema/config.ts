import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { hubId } from "./hub-column";
import { users } from "./users";

/** The current value of one configuration section of a hub. */
export const configSections = pgTable(
  "config_sections",
  {
    hubId: hubId(),
    section: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    version: integer().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.section] })],
);

/** Every saved version of a section (who, when, what changed), for listing and restoring. */
export const configVersions = pgTable(
  "config_versions",
  {
    id: id(),
    hubId: hubId(),
    section: text().notNull(),
    version: integer().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Changed top-level fields: { field: { from, to } }. */
    diff: jsonb().$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("config_versions_section_idx").on(t.hubId, t.section, t.version)],
);
