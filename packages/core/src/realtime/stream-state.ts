import { getLogger } from "../logger";

/** A persisted event, numbered within its stream. */
export interface BusEvent {
  kind: "event";
  stream: string;
  seq: number;
  type: string;
  hubId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** A short-lived signal (typing, viewing): delivered live only, never replayed. */
export interface BusSignal {
  kind: "signal";
  stream: string;
  type: string;
  payload: Record<string, unknown>;
}

const CACHE_LIMIT = 2000;

/** Where a stream's events are read from (the bus, over its database). */
export interface StreamReader {
  headOf(stream: string): Promise<number>;
  readAfter(stream: string, after: number, limit: number): Promise<BusEvent[]>;
}

/**
 * What one process knows about one stream it has subscribers for: the newest
 * events (a contiguous window ending at `hi`), whether a notification arrived
 * since the last read (`stale`), and who listens for news.
 */
export class StreamState {
  cache: BusEvent[] = [];
  /** The highest sequence read from the database (undefined until the first refresh). */
  hi: number | undefined;
  stale = true;
  /** Counts completed refreshes, so a waiter never misses one that ended before it waited. */
  version = 0;
  subscribers = 0;
  private refreshing: Promise<void> | null = null;
  private again = false;
  /** Called after every refresh (each subscriber's wake-up). */
  readonly listeners = new Set<() => void>();
  readonly signals = new Set<(signal: BusSignal) => void>();

  constructor(
    private readonly bus: StreamReader,
    readonly stream: string,
  ) {}

  /** Reads what is new since `hi` (one query per process, whatever the number of subscribers). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.again = false;
          if (this.hi === undefined) {
            this.hi = await this.bus.headOf(this.stream);
          } else {
            const rows = await this.bus.readAfter(this.stream, this.hi, CACHE_LIMIT);
            if (rows.length > 0) {
              this.cache.push(...rows);
              this.hi = rows.at(-1)!.seq;
              if (this.cache.length > CACHE_LIMIT)
                this.cache.splice(0, this.cache.length - CACHE_LIMIT);
              if (rows.length === CACHE_LIMIT) this.again = true;
            }
          }
        } while (this.again);
        this.stale = false;
      } finally {
        this.refreshing = null;
        this.version++;
        for (const listener of this.listeners) listener();
      }
    })();
    return this.refreshing;
  }

  /**
   * Events this process just committed (consecutive, in order): taken into the
   * window when they directly follow it, with nothing else pending, and the
   * subscribers woken, without a read; otherwise read as after a notification.
   */
  append(events: readonly BusEvent[]) {
    const first = events[0];
    if (!first || (this.hi !== undefined && events.at(-1)!.seq <= this.hi)) return;
    if (this.refreshing || this.stale || this.hi === undefined || first.seq !== this.hi + 1) {
      this.notify();
      return;
    }
    this.cache.push(...events);
    this.hi = events.at(-1)!.seq;
    if (this.cache.length > CACHE_LIMIT) this.cache.splice(0, this.cache.length - CACHE_LIMIT);
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** The events after `cursor` that this process can serve, or null when the database must. */
  cachedAfter(cursor: number): BusEvent[] | null {
    const lo = this.cache[0]?.seq ?? (this.hi ?? 0) + 1;
    if (cursor < lo - 1) return null;
    // The window is contiguous, so the first newer event sits at a known index: every
    // subscriber of a busy stream pays for what it has not seen, not for the whole window.
    const from = Math.max(0, cursor - lo + 1);
    if (from >= this.cache.length) return [];
    if (this.cache[from]!.seq === Math.max(cursor, lo - 1) + 1) return this.cache.slice(from);
    return this.cache.filter((event) => event.seq > cursor);
  }

  notify() {
    this.stale = true;
    void this.refresh().catch((error: unknown) =>
      getLogger().error({ err: String(error), stream: this.stream }, "realtime refresh failed"),
    );
  }
}
