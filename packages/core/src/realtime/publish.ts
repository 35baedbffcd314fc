import { afterCommit, executePrepared, schema, type Database, type DbOrTx } from "@guildhall/db";
import { sql, type SQLWrapper } from "drizzle-orm";
import { EVENTS_CHANNEL, notifyCommitted } from "./notifier";

export { EVENTS_CHANNEL };
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
 * Records events inside the caller's transaction, in ONE statement whatever
 * their number and streams. Each stream's head row is locked until commit, so
 * within a stream sequence numbers commit in order. Listeners are told
 * (`stream:seq`, ids only) once the transaction has committed: by the
 * coalescing notifier when `tx` is a transaction of `db.transaction`, else by
 * a NOTIFY in the statement itself (delivered at its commit).
 *
 * `writes` are the caller's own data-modifying statements (an insert, an
 * update, without RETURNING consumers) that run in the same statement as the
 * events: a message and its event cost one round trip and one plan, which is
 * what keeps a send with the bus close to a plain insert (docs/benchmarks.md).
 * A write's rows are not returned: callers pass values they computed
 * themselves (ids are UUIDv7 made in process).
 */
export async function publishEvents(
  tx: DbOrTx,
  events: readonly NewEvent[],
  writes: readonly SQLWrapper[] = [],
): Promise<{ stream: string; seq: number }[]> {
  if (events.length === 0 && writes.length === 0) return [];
  const { realtimeStreams: heads, realtimeEvents: stored } = schema;
  // Per stream (in a fixed order, so writers touching several never deadlock):
  // bump its head by its number of events and store them under the new numbers.
  const byStream = new Map<string, NewEvent[]>();
  for (const event of events) {
    const list = byStream.get(event.stream) ?? [];
    list.push(event);
    byStream.set(event.stream, list);
  }
  const streams = [...byStream.keys()].sort();
  const parts = writes.map((write, i) => sql`${sql.raw(`w${i}`)} as (${write.getSQL()})`);
  streams.forEach((stream, i) => {
    const list = byStream.get(stream)!;
    const h = sql.raw(`h${i}`);
    const [first] = list;
    // A literal, not a parameter: planned as a constant, and it is never user input.
    const count = sql.raw(String(list.length));
    const store =
      list.length === 1
        ? sql`select ${stream}, ${h}.last_seq, ${first!.hubId ?? null}::uuid, ${first!.type}::text,
            ${JSON.stringify(first!.payload)}::jsonb from ${h}`
        : sql`select ${stream}, ${h}.last_seq - ${count} + v.ord, v.hub_id, v.type, v.payload
            from ${h}, (values ${sql.join(
              list.map(
                (event, ord) =>
                  sql`(${ord + 1}::bigint, ${event.hubId ?? null}::uuid, ${event.type}::text, ${JSON.stringify(event.payload)}::jsonb)`,
              ),
              sql`, `,
            )}) as v(ord, hub_id, type, payload)`;
    parts.push(
      sql`${h} as (insert into ${heads} as h (stream, last_seq) values (${stream}, ${count})
        on conflict (stream) do update set last_seq = h.last_seq + ${count}
        returning h.last_seq)`,
      sql`${sql.raw(`a${i}`)} as (insert into ${stored} (stream, seq, hub_id, type, payload)
        ${store} returning stream, seq)`,
    );
  });
  const added =
    streams.length === 0
      ? sql`(select null::text as stream, null::bigint as seq where false)`
      : streams.length === 1
        ? sql.raw("a0")
        : sql`(${sql.join(
            streams.map((_, i) => sql`select stream, seq from ${sql.raw(`a${i}`)}`),
            sql` union all `,
          )})`;
  let published: { stream: string; seq: number }[] = [];
  const root: Database | null =
    streams.length === 0 ? null : afterCommit(tx, () => notifyCommitted(root!, published));
  const notify = root ? sql`` : sql`, pg_notify(${EVENTS_CHANNEL}, stream || ':' || seq)`;
  const rows = await executePrepared<{ stream: string; seq: number | string }>(
    tx,
    sql`with ${sql.join(parts, sql`, `)} select stream, seq${notify} from ${added} as added`,
  );
  published = rows
    .map((row) => ({ stream: row.stream, seq: Number(row.seq) }))
    .sort((a, b) => (a.stream === b.stream ? a.seq - b.seq : a.stream < b.stream ? -1 : 1));
  return published;
}

/** One event; see `publishEvents`. */
export async function publishEvent(tx: DbOrTx, event: NewEvent): Promise<{ seq: number }> {
  const [row] = await publishEvents(tx, [event]);
  return { seq: row!.seq };
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
