import { ACTION_CLOSE_CODES, ACTION_CLOSE_REASONS } from "@guildhall/api/ws-actions";

/**
 * Close codes the server itself uses on both sockets (`/api/ws` and
 * `/api/ws/actions`), the same as the action protocol's (docs/ws-actions.md):
 * a client reconnects after 4002 with a fresh token, and signs in again after 4001.
 */
export const SOCKET_CLOSE = {
  /** The session behind the socket was revoked or expired, or the account deactivated. */
  sessionEnded: {
    code: ACTION_CLOSE_CODES.sessionEnded,
    reason: ACTION_CLOSE_REASONS.sessionEnded,
  },
  /** The access token the socket authenticated with expired (refresh, then reconnect). */
  tokenExpired: {
    code: ACTION_CLOSE_CODES.tokenExpired,
    reason: ACTION_CLOSE_REASONS.tokenExpired,
  },
  /** The server is shutting down. */
  goingAway: { code: 1001, reason: "SERVER_SHUTDOWN" },
} as const;
