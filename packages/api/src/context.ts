import type { Database, DatabaseKind } from "@guildhall/db";
import {
  getLogger,
  resolveLocale,
  type Locale,
  type Logger,
  type Principal,
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
}

export interface ContextSource {
  db: Database;
  dbKind: DatabaseKind;
  headers: Headers;
  resHeaders?: Headers;
  principal?: Principal | null;
}

/** The caller's IP as the nearest proxy reports it (Next sets x-forwarded-for). */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
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
  };
}
