import { and, desc, eq, gte, isNull, lt, lte, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";

export interface AuditFilter {
  /** The scope: one hub's rows, or `null` for the instance's own (tokens, accounts, catalogue). */
  hubId: string | null;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** The id of the last row of the previous page. */
  cursor?: string;
  limit: number;
}

/** Newest first, keyset-paged on the time-ordered id. */
export async function listAudit(db: DbOrTx, filter: AuditFilter) {
  const { auditLog } = schema;
  const conditions: SQL[] = [
    filter.hubId === null ? isNull(auditLog.hubId) : eq(auditLog.hubId, filter.hubId),
  ];
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lte(auditLog.createdAt, filter.to));
  if (filter.cursor) conditions.push(lt(auditLog.id, filter.cursor));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  const hasMore = rows.length > filter.limit;
  const items = hasMore ? rows.slice(0, filter.limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
