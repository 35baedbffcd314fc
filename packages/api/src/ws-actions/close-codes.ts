/**
 * How the server closes an action socket, and why (docs/ws-actions.md).
 * Application codes sit in 4000-4999 (RFC 6455 §7.4.2: ours to define),
 * shaped like the HTTP status they stand for where one fits (4401, 4408);
 * the two standard codes are used for exactly what RFC 6455 means by them.
 */
export const ACTION_CLOSE_CODES = {
  /** The session behind the socket ended (signed out, revoked, account deactivated): sign in again. */
  sessionEnded: 4001,
  /** The credential the socket authenticated with expired: reconnect with a fresh token. */
  tokenExpired: 4002,
  /** The first message was not `{"action":"auth","token":…}`, or its token named nobody. */
  authFailed: 4401,
  /** No auth message within `authTimeoutMs`. */
  authTimeout: 4408,
  /** A frame larger than any action takes (RFC 6455 "message too big"); smaller oversize frames are only refused. */
  messageTooBig: 1009,
  /** The client reads too slowly: more than `closeAboveBytes` waits in the send buffer ("try again later"). */
  tooSlow: 1013,
} as const;

export type ActionCloseKind = keyof typeof ACTION_CLOSE_CODES;

/** The close frame's reason per kind: a stable code a client may switch on (the code says the same). */
export const ACTION_CLOSE_REASONS: Readonly<Record<ActionCloseKind, string>> = {
  sessionEnded: "SESSION_ENDED",
  tokenExpired: "TOKEN_EXPIRED",
  authFailed: "AUTH_FAILED",
  authTimeout: "AUTH_TIMEOUT",
  messageTooBig: "MESSAGE_TOO_BIG",
  tooSlow: "TOO_SLOW",
};
