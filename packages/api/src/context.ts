import type { Database, DatabaseKind } from "@guildhall/db";
import {
  getEnv,
  getLogger,
  resolveLocale,
  type Locale,
  type Logger,
  type Principal,
  type RealtimeBus,
} from "@guildhall/core";

export type { Principal };
import { randomUUID } from "node:crypto";

export interface Context {
  db: Database;
  dbKind: DatabaseKind;
  principal: Principal | null;
  /** The hub the request names (x-hub header); procedures may name it in input instead. */
  hubHeader: string | null;
  locale: Locale;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  log: Logger;
  /** Response headers procedures may set (rate-limit headers, cookies). */
  resHeaders: Headers;
  /** The process's realtime bus (subscriptions); null where none runs. */
  bus: RealtimeBus | null;
}

export interface ContextSource {
  db: Database;
  dbKind: DatabaseKind;
  headers: Headers;
  resHeaders?: Headers;
  principal?: Principal | null;
  bus?: RealtimeBus | null;
}

/**
 * The caller's IP. Next sets X-Forwarded-For to the socket address when the
 * request has none; each trusted proxy in front appends the address it saw.
 * With TRUSTED_PROXIES = n the client is the n-th entry from the end.
 */
export function clientIp(headers: Headers): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const trusted = Math.max(1, getEnv().TRUSTED_PROXIES);
  const ip = hops[Math.max(0, hops.length - trusted)] ?? headers.get("x-real-ip") ?? null;
  // IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d.
  return ip?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1") ?? null;
}

/** Builds the per-request context from headers; shared by tRPC, REST and tests. */
export function createContext(source: ContextSource): Context {
  const { headers } = source;
  const incomingId = headers.get("x-request-id");
  const requestId = incomingId && /^[\w.-]{1,64}$/.test(incomingId) ? incomingId : randomUUID();
  const principal = source.principal ?? null;
  const resHeaders = source.resHeaders ?? new Headers();
  resHeaders.set("x-request-id", requestId);
  return {
    db: source.db,
    dbKind: source.dbKind,
    principal,
    hubHeader: headers.get("x-hub")?.trim().toLowerCase() || null,
    locale: resolveLocale(principal?.locale, headers.get("accept-language")),
    ip: clientIp(headers),
    userAgent: headers.get("user-agent"),
    requestId,
    log: getLogger().child({ requestId }),
    resHeaders,
    bus: source.bus ?? null,
  };
}
