import { type Database } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";
import { sql } from "drizzle-orm";
import { getLogger } from "../logger";
import type { BusEvent } from "./stream-state";

/** The Postgres channel that wakes listeners: payload `stream:seq` (ids only, never data). */
export const EVENTS_CHANNEL = "gh_events";

/** The shortest time between two NOTIFY statements of one process (the most it delays one). */
const MIN_GAP_MS = 10;

/**
 * Sends the NOTIFYs of committed events, after their commit, coalesced: one
 * statement at a time per database, carrying the newest sequence of each
 * stream published meanwhile (a listener reads everything after what it
 * has, so the newest number is all it needs).
 *
 * Why not NOTIFY inside the writer's transaction: Postgres serializes the
 * commits of notifying transactions (a queue lock held through the commit's
 * WAL flush), which cost concurrent writers about a sixth of their throughput
 * (docs/benchmarks.md). A notification lost here (the process dies between
 * commit and send, or the send fails) is made good by the bus's periodic
 * head check (`REALTIME_POLL_SECONDS`).
 */
class Notifier {
  private pending = new Map<string, number>();
  private sending: Promise<void> | null = null;
  private lastSentAt = 0;

  constructor(private readonly db: Database) {}

  add(rows: readonly { stream: string; seq: number }[]) {
    for (const { stream, seq } of rows)
      if ((this.pending.get(stream) ?? 0) < seq) this.pending.set(stream, seq);
    this.sending ??= this.send();
  }

  private async send(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        // At most one NOTIFY statement per MIN_GAP_MS: an idle process sends at once, a busy
        // one gathers what committed meanwhile into the next statement.
        const wait = this.lastSentAt + MIN_GAP_MS - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.lastSentAt = performance.now();
        // Stream names never contain a line break.
        const batch = [...this.pending].map(([stream, seq]) => `${stream}:${seq}`).join("\n");
        this.pending.clear();
        await this.db.execute(
          sql`select pg_notify(${EVENTS_CHANNEL}, p) from unnest(string_to_array(${batch}, E'\n')) as p`,
        );
      }
    } catch (error) {
      this.pending.clear();
      getLogger().warn(
        { err: String(error) },
        "realtime notify failed; listeners catch up by polling",
      );
    } finally {
      this.sending = null;
    }
  }
}

const notifiers = processWide("notifiers", () => new WeakMap<Database, Notifier>());

/** A bus of this process on a database, told of commits at once (see `attachLocalBus`). */
export interface LocalBus {
  /** Sorted by stream, then sequence. */
  committed(events: readonly BusEvent[]): void;
  /** Other processes may use the database too (Postgres): they still need the NOTIFY. */
  shared: boolean;
}

const localBuses = processWide("localBuses", () => new WeakMap<Database, Set<LocalBus>>());

/**
 * Lets a bus on `db` hear of this process's commits directly, without the
 * NOTIFY round trip through the database; on an embedded database (one
 * process) the NOTIFY is then not sent at all. Returns the detach function.
 */
export function attachLocalBus(db: Database, bus: LocalBus): () => void {
  let attached = localBuses.get(db);
  if (!attached) localBuses.set(db, (attached = new Set()));
  attached.add(bus);
  return () => void attached.delete(bus);
}

/**
 * Hands committed events (sorted by stream, then sequence; built only when
 * this process has a bus) to this process's buses, then tells the other
 * processes' (see Notifier).
 */
export function notifyCommitted(
  db: Database,
  heads: readonly { stream: string; seq: number }[],
  events: () => readonly BusEvent[],
) {
  const local = localBuses.get(db);
  if (local?.size) {
    const committed = events();
    let shared = false;
    for (const bus of local) {
      bus.committed(committed);
      shared ||= bus.shared;
    }
    // Only this process reads the database: nobody else to tell.
    if (!shared) return;
  }
  let notifier = notifiers.get(db);
  if (!notifier) {
    notifier = new Notifier(db);
    notifiers.set(db, notifier);
  }
  notifier.add(heads);
}
