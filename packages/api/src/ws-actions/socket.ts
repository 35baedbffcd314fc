import type { Locale } from "@guildhall/core/i18n";
import type { Context } from "../context";
import type { ActionCloseKind } from "./close-codes";

/** The part of a `ws` WebSocket the protocol uses (tests pass a fake). */
export interface ActionSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  readonly bufferedAmount: number;
}

export interface ActionConnectionOptions {
  /**
   * The auth message's token → a factory of fresh per-action contexts (same
   * principal, new requestId and resHeaders each call), or null when the
   * token names nobody (→ INVALID_TOKEN, then close 4401).
   */
  authenticate(token: string): Promise<(() => Context) | null>;
  /** Called once auth succeeded, with the first context (the server watches the session with it). */
  onAuthenticated?(ctx: Context): void;
  /** Close 4408 when no auth message came by then (default 10 s). */
  authTimeoutMs?: number;
  /**
   * Largest frame of an action (default BODY_LIMIT_BYTES, as an HTTP body);
   * uploads take up to their own `meta.bodyLimitBytes`, as over HTTP. A
   * larger frame is answered PAYLOAD_TOO_LARGE and the socket stays; one
   * larger than every limit closes it (1009) unread.
   */
  maxMessageBytes?: number;
  /** Subscriptions pause while more than this waits to be sent (default 1 MiB). */
  pauseAboveBytes?: number;
  /** Close 1013 when more than this waits to be sent (default 16 MiB). */
  closeAboveBytes?: number;
  /** Live subscriptions per socket (default 32; stream slots per user still apply). */
  maxSubscriptions?: number;
  /** The language of answers before auth (the upgrade request's Accept-Language; default English). */
  locale?: Locale;
}

export interface ActionConnection {
  /** One incoming frame; resolves when it is answered. */
  receive(data: string | Buffer): Promise<void>;
  /** The socket closed: every subscription ends, timers are cleared. */
  closed(): void;
  /** Closes the socket with the documented code and reason (the server: `sessionEnded`). */
  close(kind: ActionCloseKind): void;
}
