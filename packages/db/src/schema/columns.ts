import { timestamp, uuid } from "drizzle-orm/pg-core";
import { uuidv7 } from "../uuidv7";

/**
 * Shared column helpers. Every table uses these so ids, timestamps and the hub
 * scope look the same everywhere (and `hub_id` is never forgotten on hub data).
 */

/** Time-ordered UUIDv7 primary key: sortable, so it doubles as a paging cursor. */
export const id = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });
