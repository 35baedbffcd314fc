import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { publicProfile } from "./show-profile";

/**
 * Exact or prefix search on usernames (case-insensitive), active accounts only,
 * keyset-paged by username. LIKE wildcards in the query are taken literally.
 */
export async function searchUsers(
  db: DbOrTx,
  input: { query: string; mode: "exact" | "prefix"; limit: number; after?: string },
) {
  const { users } = schema;
  const q = input.query.toLowerCase();
  const match =
    input.mode === "exact"
      ? sql`lower(${users.username}) = ${q}`
      : sql`lower(${users.username}) like ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        match,
        eq(users.isActive, true),
        isNull(users.deletionRequestedAt),
        ...(input.after ? [gt(sql`lower(${users.username})`, input.after.toLowerCase())] : []),
      ),
    )
    .orderBy(asc(sql`lower(${users.username})`))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(publicProfile);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.username ?? null) : null };
}
