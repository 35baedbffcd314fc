import type { BusEvent, BusSignal, StreamReader, StreamState } from "./stream-state";

/** What a subscription needs of its bus. */
export interface SubscriptionSource extends Pick<StreamReader, "readAfter"> {
  /** Starts listening (idempotent). */
  start(): Promise<void>;
  /** The subscription ended: its stream may be forgotten. */
  release(state: StreamState): void;
}

type Item = BusEvent | BusSignal;

/** How a subscription is opened (see `RealtimeBus.subscribe`). */
export interface SubscribeOptions {
  /** Resume after this sequence (0: from the start; undefined: only new events). */
  after?: number;
  signal?: AbortSignal;
  /** Called once when the subscription ends, whichever way. */
  onEnd?: () => void;
  /**
   * Whether this subscriber gets an item (a channel's `visibleTo`): asked once
   * per item as it comes up; a refused event still moves the cursor past it.
   */
  accept?: (item: Item) => boolean;
}

const BACKLOG_PAGE = 500;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * One subscriber of one stream (see `RealtimeBus.subscribe`): events after
 * its cursor, each once and in order, with live signals in between.
 *
 * A plain iterator, not an async generator: at a thousand subscribers of one
 * stream, every event wakes all of them, and a generator's suspend and resume
 * machinery cost more than the delivery itself (docs/benchmarks.md, fan-out).
 * Each wait is one promise, woken by the stream's refresh, a signal, the
 * abort or `return()`. Consumers take one value at a time (`for await`).
 */
export class BusSubscription implements AsyncIterableIterator<Item> {
  private signals: BusSignal[] = [];
  /** Events read and not yet handed out, from `at` on. */
  private batch: BusEvent[] = [];
  private at = 0;
  private cursor = 0;
  private started = false;
  private closed = false;
  private resume: (() => void) | null = null;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly state: StreamState,
    private readonly options: SubscribeOptions,
  ) {
    // Registered now: signals sent from here on reach this subscriber.
    state.signals.add(this.onSignal);
    state.listeners.add(this.wake);
    // Ended at once by the abort (a flag, not the signal's getter, is checked per event).
    options.signal?.addEventListener("abort", this.end, { once: true });
    if (options.signal?.aborted) this.close();
  }

  private end = () => {
    this.close();
    this.wake();
  };

  private onSignal = (signal: BusSignal) => {
    this.signals.push(signal);
    this.wake();
  };

  private wake = () => {
    const resume = this.resume;
    this.resume = null;
    resume?.();
  };

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<Item>> {
    const { state } = this;
    const { accept } = this.options;
    try {
      if (!this.started) {
        this.started = true;
        await this.source.start();
        await state.refresh();
        this.cursor = this.options.after ?? state.hi ?? 0;
        // A cursor from the future (another database, a reset stream) restarts at the head.
        if (state.hi !== undefined && this.cursor > state.hi) this.cursor = state.hi;
      }
      for (;;) {
        if (this.closed) return DONE;
        const signal = this.signals.shift();
        if (signal) {
          if (accept && !accept(signal)) continue;
          return { done: false, value: signal };
        }
        if (this.at < this.batch.length) {
          const event = this.batch[this.at++]!;
          if (event.seq <= this.cursor) continue;
          this.cursor = event.seq;
          if (accept && !accept(event)) continue;
          return { done: false, value: event };
        }
        if (state.stale) await state.refresh();
        const version = state.version;
        this.batch =
          state.cachedAfter(this.cursor) ??
          (await this.source.readAfter(state.stream, this.cursor, BACKLOG_PAGE));
        this.at = 0;
        if (this.batch.length > 0 || this.signals.length > 0) continue;
        // Nothing new: wait for the next refresh, unless one ended while we read.
        if (state.version === version && !state.stale && !this.closed)
          await new Promise<void>((resolve) => (this.resume = resolve));
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  return(): Promise<IteratorResult<Item>> {
    this.end();
    return Promise.resolve(DONE);
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.batch = [];
    this.state.signals.delete(this.onSignal);
    this.state.listeners.delete(this.wake);
    this.options.signal?.removeEventListener("abort", this.end);
    this.source.release(this.state);
    this.options.onEnd?.();
  }
}
