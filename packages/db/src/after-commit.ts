import { processWide } from "@guildhall/process-wide";
import type { Database, DbOrTx } from "./database-types";
import { hookTransactions } from "./drizzle-internals";

interface Root {
  db: Database;
  hooks: (() => void)[];
}

/**
 * Transactions opened through `db.transaction` of a database made by
 * createDatabase (process-wide: the database is opened by one bundle's copy
 * of this module and written through by others).
 */
const roots = processWide("commitRoots", () => new WeakMap<object, Root>());

/**
 * Runs `hook` once the transaction `tx` has committed (never after a
 * rollback) and returns the database it ran on; returns null when `tx` is
 * not such a transaction (the database itself, or a nested savepoint), so
 * the caller does the work inside the statement instead.
 */
export function afterCommit(tx: DbOrTx, hook: () => void): Database | null {
  const root = roots.get(tx);
  if (!root) return null;
  root.hooks.push(hook);
  return root.db;
}

/** Lets transactions of `db` take after-commit hooks (see `afterCommit`). */
export function withCommitHooks(db: Database): Database {
  return hookTransactions(db, (tx) => {
    const root: Root = { db, hooks: [] };
    roots.set(tx, root);
    return () => {
      for (const hook of root.hooks) hook();
    };
  });
}
