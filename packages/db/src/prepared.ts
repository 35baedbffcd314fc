import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/** A statement's text (`$1`, `$2`, … placeholders) and its parameters, in order. */
export interface QueryText {
  sql: string;
  params: unknown[];
}

interface Internals {
  dialect?: { sqlToQuery(query: SQL): QueryText };
  session?: {
    client?: {
      /** postgres.js (a connection pool or a transaction). */
      unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown>;
      /** PGlite (the database or a transaction). */
      query?: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
    };
  };
}

/** `query` as text and parameters, numbered as `db`'s driver expects them. */
export function toQueryText(db: DbOrTx, query: SQL): QueryText {
  const { dialect } = db as unknown as Internals;
  if (!dialect) throw new Error("toQueryText: not a drizzle database");
  return dialect.sqlToQuery(query);
}

/**
 * Runs a statement as a named prepared statement on Postgres (parsed and
 * analyzed once per connection, not on every call as drizzle's unnamed
 * statements are); on PGlite as an ordinary query. For hot statements whose
 * text is stable, such as publishing realtime events (drizzle SQL goes
 * through `toQueryText` first); the rows come back as the driver returns them.
 */
export async function executePrepared<T>(
  db: DbOrTx,
  { sql: text, params }: QueryText,
): Promise<T[]> {
  const client = (db as unknown as Internals).session?.client;
  if (client?.unsafe) return (await client.unsafe(text, params, { prepare: true })) as T[];
  if (client?.query) return (await client.query(text, params)).rows as T[];
  throw new Error("executePrepared: unknown driver");
}
