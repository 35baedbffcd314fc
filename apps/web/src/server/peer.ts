import { isTrustedProxy } from "@guildhall/api";
import { getEnv } from "@guildhall/core/env";
import { processWide } from "@guildhall/process-wide";
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

const HEADER = "x-guildhall-peer";

/**
 * Route handlers get a fetch `Request`, which has no socket; and Next keeps an
 * X-Forwarded-For the client sent instead of the socket's address. So each
 * request is stamped, before Next sees it, with its socket's peer address
 * (Node's `http.server.request.start` channel), under a key known only to this
 * process: a stamp a client wrote itself never matches. Installed once per
 * process, at start (instrumentation) or on the first read.
 */
function stampKey(): string {
  return processWide("peerStamp", () => {
    const key = randomBytes(16).toString("hex");
    subscribe("http.server.request.start", (message) => {
      const { request } = message as { request: IncomingMessage };
      request.headers[HEADER] = `${key} ${request.socket.remoteAddress ?? ""}`;
    });
    return key;
  });
}

/**
 * Stamps a request Node announces on no channel: a WebSocket upgrade (the
 * server's `upgrade` event), so its forwarded host and protocol are read the
 * same way as an ordinary request's.
 */
export function stampPeer(request: IncomingMessage): void {
  request.headers[HEADER] = `${stampKey()} ${request.socket.remoteAddress ?? ""}`;
}

export function installPeerStamp(): void {
  stampKey();
}

/** The socket peer of the request these headers came with, or null when unknown. */
export function peerAddress(headers: Headers): string | null {
  const [key, address] = (headers.get(HEADER) ?? "").split(" ");
  return key === stampKey() && address ? address : null;
}

/** Whether X-Forwarded-Host/-Proto of this request may be believed (it came through a trusted proxy). */
export function forwardedByTrustedProxy(headers: Headers): boolean {
  return isTrustedProxy(peerAddress(headers), getEnv().TRUSTED_PROXIES);
}
