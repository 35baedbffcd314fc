import {
  afterCommit,
  executePrepared,
  schema,
  toQueryText,
  type Database,
  type DbOrTx,
} from "@guildhall/db";
import { getTableName, sql, type SQLWrapper } from "drizzle-orm";
import { EVENTS_CHANNEL, notifyCommitted } from "./notifier";
import type { BusEvent } from "./stream-state";

export { EVENTS_CHANNEL };
/** Short-lived signals (typing, viewing): not stored, not resumable; payload is the JSON event. */
export const SIGNALS_CHANNEL = "gh_signals";

const HEADS = `"${getTableName(schema.realtimeStreams)}"`;
const EVENTS = `"${getTableName(schema.realtimeEvents)}"`;

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
  // Per stream (in a fixed order, so writers touching several never deadlock):
  // bump its head by its number of events and store them under the new numbers.
  const byStream = new Map<string, NewEvent[]>();
  for (const event of events) {
    const list = byStream.get(event.stream) ?? [];
    list.push(event);
    byStream.set(event.stream, list);
  }
  const streams = [...byStream.keys()].sort();
  // The callers' writes go through drizzle; the rest of this hot statement is
  // written here as text, which costs a fraction of building it from drizzle
  // fragments (docs/benchmarks.md, send throughput).
  const { sql: written, params } = toQueryText(
    tx,
    sql.join(
      writes.map((write, i) => sql`${sql.raw(`w${i}`)} as (${write.getSQL()})`),
      sql`, `,
    ),
  );
  const param = (value: unknown) => `$${params.push(value)}`;
  const payloads = new Map<NewEvent, string>();
  const parts = written ? [written] : [];
  streams.forEach((stream, i) => {
    const list = byStream.get(stream)!;
    // Counts are literals, not parameters: planned as constants, never user input.
    const count = list.length;
    const name = param(stream);
    const row = (event: NewEvent) => {
      const payload = JSON.stringify(event.payload);
      payloads.set(event, payload);
      return `${param(event.hubId ?? null)}::uuid, ${param(event.type)}::text, ${param(payload)}::jsonb`;
    };
    const store =
      count === 1
        ? `select ${name}::text, h${i}.last_seq, ${row(list[0]!)} from h${i}`
        : `select ${name}::text, h${i}.last_seq - ${count} + v.ord, v.hub_id, v.type, v.payload
            from h${i}, (values ${list.map((event, ord) => `(${ord + 1}::bigint, ${row(event)})`).join(", ")})
            as v(ord, hub_id, type, payload)`;
    parts.push(
      `h${i} as (insert into ${HEADS} as h (stream, last_seq) values (${name}::text, ${count})
        on conflict (stream) do update set last_seq = h.last_seq + ${count} returning h.last_seq)`,
      `a${i} as (insert into ${EVENTS} (stream, seq, hub_id, type, payload) ${store} returning stream, seq, created_at)`,
    );
  });
  const added =
    streams.length === 0
      ? "(select null::text as stream, null::bigint as seq, null::timestamptz as created_at where false)"
      : streams.length === 1
        ? "a0"
        : `(${streams.map((_, i) => `select stream, seq, created_at from a${i}`).join(" union all ")})`;
  let published: { stream: string; seq: number }[] = [];
  let committed = (): BusEvent[] => [];
  const root: Database | null =
    streams.length === 0
      ? null
      : afterCommit(tx, () => notifyCommitted(root!, published, committed));
  const notify = root ? "" : `, pg_notify(${param(EVENTS_CHANNEL)}, stream || ':' || seq)`;
  const rows = await executePrepared<{ stream: string; seq: number | string; created_at: Date }>(
    tx,
    {
      sql: `with ${parts.join(", ")} select stream, seq, created_at${notify} from ${added} as added`,
      params,
    },
  );
  rows.sort((a, b) =>
    a.stream === b.stream ? Number(a.seq) - Number(b.seq) : a.stream < b.stream ? -1 : 1,
  );
  published = rows.map((row) => ({ stream: row.stream, seq: Number(row.seq) }));
  // For this process's bus, if it has one: the committed events as a reader would read them
  // (payloads through JSON, as stored). Each stream's took consecutive numbers in list order.
  committed = () => {
    const taken = new Map<string, number>();
    return rows.map((row, i) => {
      const index = taken.get(row.stream) ?? 0;
      taken.set(row.stream, index + 1);
      const event = byStream.get(row.stream)![index]!;
      return {
        kind: "event" as const,
        ...published[i]!,
        hubId: event.hubId ?? null,
        type: event.type,
        payload: JSON.parse(payloads.get(event)!) as Record<string, unknown>,
        createdAt: new Date(row.created_at),
      };
    });
  };
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
