import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, gt, sql, type SQL } from "drizzle-orm";
import { adminUserRow } from "./admin-user-row";

export async function listUsersForAdmin(
  db: DbOrTx,
  input: { query?: string; after?: string; limit: number },
) {
  const { users } = schema;
  const conditions: SQL[] = [];
  if (input.query)
    conditions.push(
      sql`lower(${users.username}) like ${`%${input.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
  if (input.after) conditions.push(gt(sql`lower(${users.username})`, input.after.toLowerCase()));
  const rows = await db
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sql`lower(${users.username})`))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(adminUserRow);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.username ?? null) : null };
}
