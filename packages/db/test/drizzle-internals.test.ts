/**
 * The drizzle internals packages/db relies on (src/drizzle-internals.ts), checked
 * on the database this run uses (DATABASE_URL, else embedded PGlite). When a
 * drizzle upgrade moves one, a test here fails and names it.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  afterCommit,
  createDatabase,
  DrizzleInternalsChanged,
  executePrepared,
  toQueryText,
  type DatabaseHandle,
} from "../src";

let handle: DatabaseHandle;
beforeAll(async () => {
  // packages/db has no env module of its own: the suite's database comes as it does for every package.
  // eslint-disable-next-line no-restricted-properties
  const url = process.env.DATABASE_URL?.trim();
  handle = await createDatabase({ url: url || "memory:", maxConnections: 2 });
});
afterAll(() => handle.close());

describe("drizzle internals", () => {
  it("dialect.sqlToQuery turns drizzle SQL into numbered text and parameters", () => {
    const query = toQueryText(handle.db, sql`select ${1}::int as a, ${"x"}::text as b`);
    expect(query).toMatchObject({ sql: "select $1::int as a, $2::text as b", params: [1, "x"] });
  });

  it("session.client runs a statement on the database and inside a transaction", async () => {
    const text = { sql: "select $1::int + 1 as n", params: [41] };
    expect(await executePrepared<{ n: number }>(handle.db, text)).toEqual([{ n: 42 }]);
    await handle.db.transaction(async (tx) => {
      expect(await executePrepared<{ n: number }>(tx, text)).toEqual([{ n: 42 }]);
      // On Postgres it is a named prepared statement of the transaction's connection.
      if (handle.kind === "postgres") {
        const [row] = await executePrepared<{ count: string }>(tx, {
          sql: "select count(*) as count from pg_prepared_statements where statement = $1",
          params: [text.sql],
        });
        expect(Number(row!.count)).toBe(1);
      }
    });
  });

  it("db.transaction hands its callback the transaction, and hooks run after commit only", async () => {
    const ran: string[] = [];
    await handle.db.transaction(async (tx) => {
      expect(afterCommit(tx, () => ran.push("committed"))).toBe(handle.db);
      // A savepoint is not a top-level transaction: its caller works inside the statement.
      await tx.transaction((inner) => {
        expect(afterCommit(inner, () => ran.push("inner"))).toBeNull();
        return Promise.resolve();
      });
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(["committed"]);

    await expect(
      handle.db.transaction(async (tx) => {
        afterCommit(tx, () => ran.push("rolled back"));
        await tx.execute(sql`select 1`);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(ran).toEqual(["committed"]);
    expect(afterCommit(handle.db, () => ran.push("no transaction"))).toBeNull();
  });

  it("says which internal moved instead of misbehaving", async () => {
    const stranger = {} as typeof handle.db;
    expect(() => toQueryText(stranger, sql`select 1`)).toThrow(DrizzleInternalsChanged);
    await expect(executePrepared(stranger, { sql: "select 1", params: [] })).rejects.toThrow(
      /drizzle internals changed: session.client/,
    );
  });
});
