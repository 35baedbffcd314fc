import type { BusSubscription, RealtimeBus } from "./bus";
import type { BusItem, Channel } from "./channel";
import { guardedSubscription, type Subscriber } from "./guard";
import { answerNewcomer, joinPresence } from "./presence";

/** An open channel: its items for this subscriber, and who they are as of the last check. */
export interface OpenChannel<Actor> {
  /** Only what `visibleTo` lets through; iterate to the end or call `return()`. */
  events: BusSubscription;
  actor(): Actor;
}

/**
 * Subscribes to a channel as `actor` (see `Channel`): every item is filtered
 * with `visibleTo` and the subscriber as of the last check; every
 * REALTIME_RECHECK_SECONDS the principal's session and account and then the
 * channel's `current` are checked, and the stream ends when access is gone.
 * On a presence channel the subscriber is announced (resolved once that is
 * sent, so the caller can say "ready"), answers newcomers, skips their own
 * signals, and leaves when the subscription ends.
 */
export async function openChannel<Actor, Params>(
  bus: RealtimeBus,
  channel: Channel<Actor, Params>,
  params: Params,
  subscriber: Subscriber & { actor: Actor },
  options: { after?: number; signal?: AbortSignal } = {},
): Promise<OpenChannel<Actor>> {
  const stream = channel.stream(params);
  const { db, principal, actor: first } = subscriber;
  const viewer =
    channel.presence && principal
      ? { userId: principal.userId, username: principal.username }
      : null;
  let current = first;
  let ended = false;
  let leave: (() => Promise<void>) | null = null;
  const accept = viewer
    ? (item: BusItem) => {
        if (item.kind === "signal") {
          if (item.payload.userId === viewer.userId) return false;
          // A newcomer learns who is already here from everyone's answer.
          if (item.type === "viewer.joined") answerNewcomer(db, stream, viewer);
        }
        return channel.visibleTo(current, item);
      }
    : (item: BusItem) => channel.visibleTo(current, item);
  // Registered first, so the answers to our own "joined" reach us.
  const events = guardedSubscription(bus, stream, subscriber, {
    after: options.after,
    signal: options.signal,
    key: `${channel.name}:${channel.checkKey(first)}`,
    check: () => channel.current(db, first, params),
    onCheck: (answer) => (current = answer.actor),
    accept,
    onEnd: () => {
      ended = true;
      void leave?.();
    },
  });
  if (viewer) {
    leave = await joinPresence(db, stream, viewer);
    // Ended while announcing: leave again at once.
    if (ended) await leave();
  }
  return { events, actor: () => current };
}
