import { sql } from "drizzle-orm";
import type { Database, DatabaseKind } from "@guildhall/db";
import { openStreamCounts } from "../realtime";
import { GUILDHALL_VERSION } from "../version";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  uptimeSeconds: number;
  database: { ok: boolean; kind: DatabaseKind; latencyMs: number };
  /** Streams (subscriptions, both transports) this process has open. */
  streams: { open: number; users: number; addresses: number };
}

const startedAt = Date.now();

/** Whether the database answers, how fast, how long this process has run and its open streams. */
export async function getHealth(db: Database, kind: DatabaseKind): Promise<Health> {
  const begin = performance.now();
  let ok = true;
  try {
    await db.execute(sql`select 1`);
  } catch {
    ok = false;
  }
  const { total, users, addresses } = openStreamCounts();
  return {
    status: ok ? "ok" : "degraded",
    version: GUILDHALL_VERSION,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    database: { ok, kind, latencyMs: Math.round((performance.now() - begin) * 100) / 100 },
    streams: { open: total, users, addresses },
  };
}
