import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { inArray, lt, sql } from "drizzle-orm";
import { getEnv } from "../env";

const HOUR = 3_600_000;
/** Events deleted per statement, so one run never holds a long lock or a huge transaction. */
const BATCH = 5000;

/**
 * Deletes whole streams, events and head rows (the object they belong to is
 * gone: a deleted ticket), inside the caller's transaction. Only for streams
 * nobody publishes to again: a head row that came back would restart at 1.
 */
export async function deleteStreams(tx: DbOrTx, streams: string[]): Promise<void> {
  if (streams.length === 0) return;
  const { realtimeEvents: events, realtimeStreams: heads } = schema;
  await tx.delete(events).where(inArray(events.stream, streams));
  await tx.delete(heads).where(inArray(heads.stream, streams));
}

/**
 * Deletes events older than `retentionHours` (REALTIME_EVENT_RETENTION_HOURS,
 * default 72), oldest first, in batches (scheduler job). Head rows stay, so a
 * stream keeps numbering upwards. A subscriber resuming with a `lastEventId`
 * older than the retained window gets what is still stored after it (the
 * events in between are gone), then live ones: clients that were away longer
 * than the retention reload their lists from the queries.
 */
export async function purgeRealtimeEvents(
  db: Database,
  now = new Date(),
  options: { retentionHours?: number; batch?: number } = {},
): Promise<number> {
  const e = schema.realtimeEvents;
  const retentionHours = options.retentionHours ?? getEnv().REALTIME_EVENT_RETENTION_HOURS;
  const batch = options.batch ?? BATCH;
  const cutoff = new Date(now.getTime() - retentionHours * HOUR);
  let deleted = 0;
  for (;;) {
    const due = db
      .select({ stream: e.stream, seq: e.seq })
      .from(e)
      .where(lt(e.createdAt, cutoff))
      .orderBy(e.createdAt)
      .limit(batch);
    const gone = await db
      .delete(e)
      .where(sql`(${e.stream}, ${e.seq}) in (${due})`)
      .returning({ seq: e.seq });
    deleted += gone.length;
    if (gone.length < batch) return deleted;
  }
}
