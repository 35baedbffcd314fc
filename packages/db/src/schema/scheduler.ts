import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Periodic jobs. An instance runs a job only after moving its `next_run_at`
 * forward in one UPDATE, so each due run fires once across all instances.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text().primaryKey(),
  nextRunAt: timestamp({ withTimezone: true }).notNull(),
  lastRunAt: timestamp({ withTimezone: true }),
  lastError: text(),
});
