import { schema, type DbOrTx } from "@guildhall/db";

export interface AuditInput {
  hubId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  requestId?: string | null;
}

/** Writes one audit row. Call it with the same transaction as the write it records. */
export async function recordAudit(tx: DbOrTx, entry: AuditInput): Promise<void> {
  await tx.insert(schema.auditLog).values({
    hubId: entry.hubId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
  });
}
