import { schema, type DbOrTx } from "@guildhall/db";
import { sql } from "drizzle-orm";

/** The Postgres channel that wakes listeners: payload `stream:seq` (ids only, never data). */
export const EVENTS_CHANNEL = "gh_events";
/** Short-lived signals (typing, viewing): not stored, not resumable; payload is the JSON event. */
export const SIGNALS_CHANNEL = "gh_signals";

export interface NewEvent {
  /** e.g. `ticket:<id>`, `hub-tickets:<hubId>`, `user-chats:<userId>`. */
  stream: string;
  hubId?: string | null;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Records an event inside the caller's transaction. The stream's head row is
 * locked until commit, so sequence numbers of one stream commit in order;
 * the NOTIFY is delivered only if (and when) the transaction commits.
 */
export async function publishEvent(tx: DbOrTx, event: NewEvent): Promise<{ seq: number }> {
  // One round trip: bump the stream's head, store the event, queue the wake-up.
  const { realtimeStreams: heads, realtimeEvents: events } = schema;
  const result = await tx.execute<{ seq: number | string }>(sql`
    with head as (
      insert into ${heads} (stream, last_seq) values (${event.stream}, 1)
      on conflict (stream) do update set last_seq = ${heads}.last_seq + 1
      returning last_seq
    ), stored as (
      insert into ${events} (stream, seq, hub_id, type, payload)
      select ${event.stream}, last_seq, ${event.hubId ?? null}, ${event.type},
        ${JSON.stringify(event.payload)}::jsonb
      from head
      returning seq
    )
    select seq, pg_notify(${EVENTS_CHANNEL}, ${event.stream} || ':' || seq) from stored`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    seq: number | string;
  }[];
  return { seq: Number(rows[0]!.seq) };
}

/** Sends a signal nobody needs to replay (typing, who is viewing); kept well under NOTIFY's 8000 bytes. */
export async function publishSignal(
  db: DbOrTx,
  signal: { stream: string; type: string; payload: Record<string, unknown> },
): Promise<void> {
  const text = JSON.stringify(signal);
  if (text.length > 4000) throw new Error("signal payload too large");
  await db.execute(sql`select pg_notify(${SIGNALS_CHANNEL}, ${text})`);
}
