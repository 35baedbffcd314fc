import type { Database, DatabaseKind } from "@guildhall/db";
import { type Principal } from "@guildhall/core/access";
import { getEnv } from "@guildhall/core/env";
import { resolveLocale, type Locale } from "@guildhall/core/i18n";
import { getLogger, type Logger } from "@guildhall/core/logger";
import { type RealtimeBus } from "@guildhall/core/realtime";

import { randomUUID } from "node:crypto";
import { clientAddress, isTrustedProxy } from "./client-address";

export type { Principal };

export interface Context {
  db: Database;
  dbKind: DatabaseKind;
  principal: Principal | null;
  /**
   * The request sent credentials (`Authorization`) that name no live session
   * or token: malformed, expired, revoked, or of a deactivated account.
   * Procedures that need a principal then answer INVALID_TOKEN instead of
   * UNAUTHENTICATED, so a client knows to refresh or sign in again.
   */
  credentialsRejected: boolean;
  /** The hub the request names (x-hub header); procedures may name it in input instead. */
  hubHeader: string | null;
  locale: Locale;
  /** The client's address: the socket's peer, or what trusted proxies forwarded (TRUSTED_PROXIES). */
  ip: string | null;
  userAgent: string | null;
  /**
   * The origin the client used (`http(s)://host[:port]`): Host, or a trusted
   * proxy's X-Forwarded-Host/-Proto; null when there is no sane Host.
   */
  origin: string | null;
  requestId: string;
  log: Logger;
  /** Response headers procedures may set (rate-limit headers, cookies). */
  resHeaders: Headers;
  /** The process's realtime bus (subscriptions); null where none runs. */
  bus: RealtimeBus | null;
  /** How the call arrived: REST path parameters still need decoding. */
  transport: Transport;
}

/** `ws`: an action of the WebSocket action protocol (src/ws-actions, docs/ws-actions.md). */
export type Transport = "trpc" | "rest" | "sse" | "ws";

export interface ContextSource {
  db: Database;
  dbKind: DatabaseKind;
  headers: Headers;
  resHeaders?: Headers;
  principal?: Principal | null;
  /** See Context.credentialsRejected (false when unset). */
  credentialsRejected?: boolean;
  bus?: RealtimeBus | null;
  /** The socket's peer address (the server stamps it; see apps/web/src/server/peer.ts). */
  peer?: string | null;
  transport?: Transport;
  /** Already given to the request (a refusal made before the context); else `requestIdFrom`. */
  requestId?: string;
}

const hostPattern = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The origin the client reached us by (see Context.origin). */
export function requestOrigin(headers: Headers, peer: string | null): string | null {
  const trusted = isTrustedProxy(peer, getEnv().TRUSTED_PROXIES);
  const forwarded = (name: string) =>
    trusted ? headers.get(name)?.split(",")[0]?.trim() || null : null;
  const host = forwarded("x-forwarded-host") ?? headers.get("host");
  if (!host || !hostPattern.test(host)) return null;
  return `${forwarded("x-forwarded-proto") === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

/** The request's id: a sane incoming `x-request-id` is kept (a proxy's), otherwise a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/** Builds the per-request context from headers; shared by tRPC, REST and tests. */
export function createContext(source: ContextSource): Context {
  const { headers } = source;
  const requestId = source.requestId ?? requestIdFrom(headers);
  const principal = source.principal ?? null;
  const resHeaders = source.resHeaders ?? new Headers();
  resHeaders.set("x-request-id", requestId);
  return {
    db: source.db,
    dbKind: source.dbKind,
    principal,
    credentialsRejected: !principal && (source.credentialsRejected ?? false),
    hubHeader: headers.get("x-hub")?.trim().toLowerCase() || null,
    locale: resolveLocale(principal?.locale, headers.get("accept-language")),
    ip: clientAddress(
      { peer: source.peer ?? null, forwardedFor: headers.get("x-forwarded-for") },
      getEnv().TRUSTED_PROXIES,
    ),
    userAgent: headers.get("user-agent"),
    origin: requestOrigin(headers, source.peer ?? null),
    requestId,
    log: getLogger().child({ requestId }),
    resHeaders,
    bus: source.bus ?? null,
    transport: source.transport ?? "trpc",
  };
}
