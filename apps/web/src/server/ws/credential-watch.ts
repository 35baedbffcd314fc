import type { Context } from "@guildhall/api";
import { connectionStillValid } from "@guildhall/core/realtime";
import { getEnv } from "@guildhall/core/env";
import { expiryTimer } from "@guildhall/api/ws-actions";
import type { Database } from "@guildhall/db";
import { SOCKET_CLOSE } from "./close-codes";

/** What the watch needs of a socket (a `ws` WebSocket). */
export interface WatchedSocket {
  close(code: number, reason: string): void;
  once(event: "close", listener: () => void): unknown;
}

/**
 * Keeps a socket honest about its credentials, as SSE streams are: every
 * REALTIME_RECHECK_SECONDS the session and account are re-checked (one check
 * per session for all its sockets), and the socket closes with 4001
 * SESSION_ENDED when the session was revoked or the account deactivated.
 * With `expiry` it also closes when the credential's lifetime ends: 4002
 * TOKEN_EXPIRED for a token, 4001 for a cookie's session (the action protocol
 * arms its own expiry, the same `expiryTimer`). Anonymous sockets are not
 * watched (nothing to lose).
 */
export function watchCredentials(
  socket: WatchedSocket,
  principal: Context["principal"],
  db: Database,
  { expiry = true }: { expiry?: boolean } = {},
): void {
  if (!principal) return;
  const close = (why: { code: number; reason: string }) => {
    stop();
    socket.close(why.code, why.reason);
  };
  const check = async () => {
    if (!(await connectionStillValid(db, principal))) close(SOCKET_CLOSE.sessionEnded);
  };
  const interval = setInterval(() => void check(), getEnv().REALTIME_RECHECK_SECONDS * 1000);
  const expired =
    principal.via === "session" ? SOCKET_CLOSE.sessionEnded : SOCKET_CLOSE.tokenExpired;
  const timer = expiryTimer(() => close(expired));
  if (expiry) timer.arm(principal.expiresAt);
  function stop() {
    clearInterval(interval);
    timer.clear();
  }
  socket.once("close", stop);
}
