import type { DbOrTx } from "@guildhall/db";
import { can, type Permission } from "@guildhall/permissions";
import { hubStanding, type HubActor } from "../access";
import type { BusEvent, BusSignal } from "./stream-state";

export type BusItem = BusEvent | BusSignal;

/**
 * A domain's live stream, declared once next to the events it publishes:
 * which bus stream it is, who may see each of its items, and when a
 * subscriber loses access. Subscriptions (`openChannel`) apply it the same
 * way on every transport, so a rule such as "internal ticket notes never
 * reach the requester" lives in the channel and nowhere else.
 */
export interface Channel<Actor, Params> {
  /** Names the channel in check keys and logs. */
  name: string;
  stream: (params: Params) => string;
  /** Whether `actor` (as of the last check, never the one of subscribe) gets `item`. */
  visibleTo: (actor: Actor, item: BusItem) => boolean;
  /**
   * The subscriber as they are now (re-read every REALTIME_RECHECK_SECONDS),
   * or null when access is gone and the stream ends; `first` is who subscribed.
   * Boxed, so a channel whose actor is itself null (an anonymous watcher, such
   * as the QR sign-in's browser) is told apart from one whose access is gone.
   */
  current: (db: DbOrTx, first: Actor, params: Params) => Promise<{ actor: Actor } | null>;
  /** Tells apart checks of one principal and stream that may answer differently. */
  checkKey: (first: Actor) => string;
  /** Subscribers announce themselves (`viewer.*` signals) and skip their own signals. */
  presence: boolean;
}

interface ChannelRules<Actor, Params> {
  name: string;
  stream: (params: Params) => string;
  /** Default: everyone on the stream gets every item. */
  visibleTo?: (actor: Actor, item: BusItem) => boolean;
  /** Default: access lasts as long as the principal's session and account. */
  stillAllowed?: (db: DbOrTx, actor: Actor, params: Params) => Promise<boolean>;
  presence?: boolean;
}

const everyone = () => true;

/** A channel whose subscriber does not change while it listens (their own stream, a secret). */
export function defineChannel<Actor, Params>(
  rules: ChannelRules<Actor, Params>,
): Channel<Actor, Params> {
  const { stillAllowed } = rules;
  return {
    name: rules.name,
    stream: rules.stream,
    visibleTo: rules.visibleTo ?? everyone,
    current: async (db, first, params) =>
      !stillAllowed || (await stillAllowed(db, first, params)) ? { actor: first } : null,
    checkKey: () => "",
    presence: rules.presence ?? false,
  };
}

/**
 * A channel of hub members: on every check the subscriber's membership, roles
 * and grants are re-read as the hub middleware reads them; the stream ends
 * when they leave the hub or no longer hold every permission `needs` named
 * when they subscribed; then `stillAllowed` runs with the fresh actor.
 */
export function defineHubChannel<Params>(
  rules: ChannelRules<HubActor, Params> & {
    needs: (first: HubActor) => readonly Permission[];
  },
): Channel<HubActor, Params> {
  const { needs, stillAllowed } = rules;
  return {
    ...defineChannel(rules),
    current: async (db, first, params) => {
      const standing = await hubStanding(db, first.hubId, first);
      if (!standing || !needs(first).every((permission) => can(standing.grants, permission)))
        return null;
      const fresh: HubActor = {
        ...first,
        highest: standing.highest,
        permissions: standing.grants.permissions,
      };
      return !stillAllowed || (await stillAllowed(db, fresh, params)) ? { actor: fresh } : null;
    },
    checkKey: (first) => needs(first).join(","),
  };
}
