import { schema, type DbOrTx } from "@guildhall/db";
import { inArray } from "drizzle-orm";
import { toCsv } from "./csv";
import { listAudit, type AuditFilter } from "./list-audit";

/** At most this many rows per file; the newest come first, so narrower filters reach older ones. */
export const AUDIT_EXPORT_CAP = 50_000;

const header = [
  "id",
  "created_at",
  "actor_id",
  "actor_username",
  "action",
  "target_type",
  "target_id",
  "before",
  "after",
  "ip",
];

/** The filtered audit log of one hub, or of the instance (`hubId: null`), as CSV (same filters as the list, newest first). */
export async function exportAuditCsv(
  db: DbOrTx,
  filter: Omit<AuditFilter, "cursor" | "limit">,
  cap = AUDIT_EXPORT_CAP,
) {
  const { items, nextCursor } = await listAudit(db, { ...filter, limit: cap });
  const actorIds = [...new Set(items.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const names = new Map<string, string>();
  // Chunked: one IN list per 1,000 actors keeps the statement small.
  for (let i = 0; i < actorIds.length; i += 1000) {
    const rows = await db
      .select({ id: schema.users.id, username: schema.users.username })
      .from(schema.users)
      .where(inArray(schema.users.id, actorIds.slice(i, i + 1000)));
    for (const row of rows) names.set(row.id, row.username);
  }
  const csv = toCsv([
    header,
    ...items.map((entry) => [
      entry.id,
      entry.createdAt,
      entry.actorId,
      entry.actorId ? (names.get(entry.actorId) ?? null) : null,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.before,
      entry.after,
      entry.ip,
    ]),
  ]);
  return { csv, rows: items.length, truncated: nextCursor !== null };
}
