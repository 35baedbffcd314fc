import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, lt } from "drizzle-orm";
import type { ConfigDiff } from "./diff";
import type { ConfigSectionName } from "./sections";

export interface ConfigVersionEntry {
  version: number;
  data: Record<string, unknown>;
  diff: ConfigDiff;
  actor: { id: string; username: string } | null;
  createdAt: Date;
}

/** A section's saved versions, newest first; `before` is the last version of the previous page. */
export async function listConfigVersions(
  db: DbOrTx,
  input: { hubId: string; section: ConfigSectionName; before?: number; limit: number },
): Promise<{ items: ConfigVersionEntry[]; nextCursor: number | null }> {
  const v = schema.configVersions;
  const rows = await db
    .select({
      version: v.version,
      data: v.data,
      diff: v.diff,
      actorId: v.actorId,
      actorName: schema.users.username,
      createdAt: v.createdAt,
    })
    .from(v)
    .leftJoin(schema.users, eq(schema.users.id, v.actorId))
    .where(
      and(
        eq(v.hubId, input.hubId),
        eq(v.section, input.section),
        input.before === undefined ? undefined : lt(v.version, input.before),
      ),
    )
    .orderBy(desc(v.version))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({
      version: row.version,
      data: row.data,
      diff: row.diff,
      actor:
        row.actorId && row.actorName !== null ? { id: row.actorId, username: row.actorName } : null,
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.version ?? null) : null,
  };
}
