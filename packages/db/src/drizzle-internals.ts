/**
 * Every use of drizzle's undocumented internals, in one place. Drizzle has no
 * public API for these three needs:
 *
 * - `dialect.sqlToQuery`: drizzle SQL as text and parameters (for statements
 *   assembled by hand around drizzle fragments, see `publishEvents`);
 * - `session.client`: the driver under a database or transaction (postgres.js
 *   `unsafe` with `prepare: true`, PGlite `query`), to run a named prepared statement;
 * - `db.transaction`: an own, replaceable method whose callback receives the
 *   transaction object (nested transactions are savepoints opened through
 *   `tx.transaction`, which this does not touch), to run hooks after a commit.
 *
 * `test/drizzle-internals.test.ts` fails, naming the one that moved, when a
 * drizzle upgrade changes any of them; the functions here throw
 * `DrizzleInternalsChanged` instead of misbehaving.
 */
import type { SQL } from "drizzle-orm";
import type { Database, DbOrTx, Transaction } from "./database-types";

/** A statement's text (`$1`, `$2`, … placeholders) and its parameters, in order. */
export interface QueryText {
  sql: string;
  params: unknown[];
}

interface Internals {
  dialect?: { sqlToQuery?(query: SQL): QueryText };
  session?: {
    client?: {
      /** postgres.js (a connection pool or a transaction). */
      unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown>;
      /** PGlite (the database or a transaction). */
      query?: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
    };
  };
}

/** A drizzle internal this package relies on is not where it was (a drizzle upgrade). */
export class DrizzleInternalsChanged extends Error {
  constructor(what: string) {
    super(`drizzle internals changed: ${what} (see packages/db/src/drizzle-internals.ts)`);
    this.name = "DrizzleInternalsChanged";
  }
}

/** `query` as text and parameters, numbered as `db`'s driver expects them. */
export function toQueryText(db: DbOrTx, query: SQL): QueryText {
  const { dialect } = db as unknown as Internals;
  if (typeof dialect?.sqlToQuery !== "function")
    throw new DrizzleInternalsChanged("dialect.sqlToQuery is missing");
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
  if (typeof client?.unsafe === "function")
    return (await client.unsafe(text, params, { prepare: true })) as T[];
  if (typeof client?.query === "function") return (await client.query(text, params)).rows as T[];
  throw new DrizzleInternalsChanged("session.client has neither unsafe() nor query()");
}

/**
 * Calls `begin(tx)` first inside every top-level transaction of `db` (not its
 * savepoints), and the function it returns once that transaction has
 * committed (never after a rollback: the commit failed or `run` threw).
 */
export function hookTransactions(db: Database, begin: (tx: Transaction) => () => void): Database {
  if (typeof db.transaction !== "function")
    throw new DrizzleInternalsChanged("db.transaction is not a method");
  const transaction = db.transaction.bind(db);
  db.transaction = async (run, config) => {
    let committed = () => {};
    const result = await transaction((tx) => {
      committed = begin(tx);
      return run(tx);
    }, config);
    committed();
    return result;
  };
  return db;
}
