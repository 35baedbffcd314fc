import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

interface Internals {
  dialect?: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session?: {
    client?: {
      unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown>;
    };
  };
}

/**
 * Runs `query` as a named prepared statement on Postgres (parsed and analyzed
 * once per connection, not on every call as drizzle's unnamed statements
 * are); elsewhere (PGlite) as an ordinary execute. For hot statements whose
 * text is stable, such as publishing realtime events; the rows come back as
 * the driver returns them.
 */
export async function executePrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const { dialect, session } = db as unknown as Internals;
  const unsafe = session?.client?.unsafe;
  if (dialect && unsafe) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await unsafe.call(session.client, text, params, { prepare: true })) as T[];
  }
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
