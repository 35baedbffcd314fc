import { schema, type DatabaseHandle } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { getEnv } from "../env";
import { getLogger } from "../logger";
import { attachLocalBus } from "./notifier";
import { EVENTS_CHANNEL, SIGNALS_CHANNEL } from "./publish";
import { StreamState, type BusEvent, type BusSignal, type StreamReader } from "./stream-state";
import { BusSubscription, type SubscribeOptions, type SubscriptionSource } from "./subscription";

export type { BusEvent, BusSignal } from "./stream-state";
export type { BusSubscription, SubscribeOptions } from "./subscription";

/**
 * The realtime bus of one process. Writers call `publishEvent` inside their
 * transaction (the event row; a NOTIFY carrying only `stream:seq` follows the
 * commit); every process LISTENs on one connection, and for each stream it has subscribers
 * for, reads the new rows once and hands them to all of them. A subscriber
 * resuming after `lastEventId` reads the backlog from the table, then the
 * live window, with its own cursor: every event once, in order.
 */
export class RealtimeBus implements StreamReader, SubscriptionSource {
  private streams = new Map<string, StreamState>();
  private unlisten: (() => Promise<void>)[] = [];
  private started: Promise<void> | null = null;
  private poller: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly handle: DatabaseHandle,
    /** How often stream heads are checked (default REALTIME_POLL_SECONDS). */
    private readonly pollMs = getEnv().REALTIME_POLL_SECONDS * 1000,
  ) {}

  /**
   * The backstop for lost notifications (an instance killed between a commit
   * and its NOTIFY, a failed send): one query for the heads of every stream
   * this process has subscribers for; a stream whose head moved past what was
   * read reads again.
   */
  async pollHeads(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const names = [...this.streams.values()]
        .filter((state) => state.hi !== undefined && !state.stale)
        .map((state) => state.stream);
      for (let i = 0; i < names.length; i += 1000) {
        const heads = await this.handle.db
          .select({
            stream: schema.realtimeStreams.stream,
            lastSeq: schema.realtimeStreams.lastSeq,
          })
          .from(schema.realtimeStreams)
          .where(inArray(schema.realtimeStreams.stream, names.slice(i, i + 1000)));
        for (const head of heads) {
          const state = this.streams.get(head.stream);
          if (state?.hi !== undefined && head.lastSeq > state.hi) state.notify();
        }
      }
    } catch (error) {
      getLogger().warn({ err: String(error) }, "realtime head check failed");
    } finally {
      this.polling = false;
    }
  }

  async headOf(stream: string): Promise<number> {
    const [row] = await this.handle.db
      .select({ lastSeq: schema.realtimeStreams.lastSeq })
      .from(schema.realtimeStreams)
      .where(eq(schema.realtimeStreams.stream, stream));
    return row?.lastSeq ?? 0;
  }

  async readAfter(stream: string, after: number, limit: number): Promise<BusEvent[]> {
    const rows = await this.handle.db
      .select()
      .from(schema.realtimeEvents)
      .where(and(eq(schema.realtimeEvents.stream, stream), gt(schema.realtimeEvents.seq, after)))
      .orderBy(asc(schema.realtimeEvents.seq))
      .limit(limit);
    return rows.map((row) => ({ kind: "event" as const, ...row }));
  }

  /** Starts listening (idempotent). */
  start(): Promise<void> {
    this.started ??= this.listen().catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  /** A stream moved to `stream:seq`: its subscribers here read on unless they have it already. */
  private onEvent = (payload: string) => {
    const at = payload.lastIndexOf(":");
    const state = this.streams.get(payload.slice(0, at));
    // This process's own commits arrived through `committed` before their NOTIFY.
    if (state && (state.hi === undefined || Number(payload.slice(at + 1)) > state.hi))
      state.notify();
  };

  /** This process committed events (sorted by stream, then sequence): no read needed. */
  private committed = (events: readonly BusEvent[]) => {
    for (let from = 0; from < events.length;) {
      const { stream } = events[from]!;
      let to = from + 1;
      while (to < events.length && events[to]!.stream === stream) to++;
      this.streams.get(stream)?.append(events.slice(from, to));
      from = to;
    }
  };

  private onSignal = (payload: string) => {
    let signal: BusSignal;
    try {
      const parsed = JSON.parse(payload) as Omit<BusSignal, "kind">;
      signal = { kind: "signal", ...parsed };
    } catch {
      return;
    }
    const state = this.streams.get(signal.stream);
    for (const deliver of state?.signals ?? []) deliver(signal);
  };

  /** After a (re)connect, notifications may have been missed: every stream reads again. */
  private onReconnect = () => {
    for (const state of this.streams.values()) state.notify();
  };

  private async listen(): Promise<void> {
    const { sql, pglite } = this.handle;
    clearInterval(this.poller);
    this.poller = setInterval(() => void this.pollHeads(), this.pollMs);
    this.poller.unref();
    if (sql) {
      const events = await sql.listen(EVENTS_CHANNEL, this.onEvent, this.onReconnect);
      const signals = await sql.listen(SIGNALS_CHANNEL, this.onSignal);
      this.unlisten.push(
        () => events.unlisten(),
        () => signals.unlisten(),
      );
    } else if (pglite) {
      this.unlisten.push(
        await pglite.listen(EVENTS_CHANNEL, this.onEvent),
        await pglite.listen(SIGNALS_CHANNEL, this.onSignal),
      );
    }
    const detach = attachLocalBus(this.handle.db, {
      committed: this.committed,
      shared: this.handle.kind === "postgres",
    });
    this.unlisten.push(() => Promise.resolve(detach()));
  }

  async stop(): Promise<void> {
    clearInterval(this.poller);
    const unlisten = this.unlisten.splice(0);
    this.started = null;
    await Promise.all(unlisten.map((fn) => fn().catch(() => undefined)));
  }

  /** Streams with subscribers in this process, and how many subscribers (for leak checks). */
  stats(): { streams: number; subscribers: number } {
    let subscribers = 0;
    for (const state of this.streams.values()) subscribers += state.subscribers;
    return { streams: this.streams.size, subscribers };
  }

  private acquire(stream: string): StreamState {
    let state = this.streams.get(stream);
    if (!state) {
      state = new StreamState(this, stream);
      this.streams.set(stream, state);
    }
    state.subscribers++;
    return state;
  }

  release(state: StreamState) {
    if (--state.subscribers === 0) this.streams.delete(state.stream);
  }

  /**
   * Events of `stream` after sequence `after` (0 = from the start; undefined =
   * only new ones), then live ones, each exactly once and in order, with live
   * signals in between. Ends when `signal` aborts. The subscriber is
   * registered when this is called (signals from then on are kept), so callers
   * can tell their client "ready" before the first read; they must iterate
   * the result to its end or call its `return()`, which releases the
   * registration and calls `onEnd`. `accept` filters what this subscriber gets.
   */
  subscribe(stream: string, options: SubscribeOptions = {}): BusSubscription {
    return new BusSubscription(this, this.acquire(stream), options);
  }
}

const buses = processWide("buses", () => new WeakMap<DatabaseHandle, RealtimeBus>());

/** The process's bus for a database handle (one LISTEN connection per process and database). */
export function busFor(handle: DatabaseHandle): RealtimeBus {
  let bus = buses.get(handle);
  if (!bus) {
    bus = new RealtimeBus(handle);
    buses.set(handle, bus);
  }
  return bus;
}
