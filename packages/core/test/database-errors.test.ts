import { schema } from "@guildhall/db";
import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFaultFromDatabase, errorCodes } from "../src/errors";
import { createUser } from "../src/users";
import { createTestDatabase, type TestDatabase } from "../src/testing";

/**
 * Real errors from the database this run uses (PGlite or Postgres, each
 * wrapped by Drizzle as the rules see them), mapped to the client faults they
 * stand for.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.destroy());

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  let caught: unknown = null;
  await run().catch((error: unknown) => (caught = error));
  expect(caught).not.toBeNull();
  return caught;
}

describe("database errors as client faults", () => {
  it("maps a unique violation to CONFLICT", async () => {
    const user = await createUser(tdb.db, { username: "uniqueone", email: "u1@example.test" });
    const error = await failure(() =>
      tdb.db.insert(schema.users).values({ username: user.username, email: "u2@example.test" }),
    );
    expect(clientFaultFromDatabase(error)?.code).toBe("CONFLICT");
  });

  it("maps a foreign key to the missing thing, naming the field", async () => {
    const hub = await tdb.db
      .insert(schema.hubs)
      .values({ slug: "fkhub", name: "FK hub" })
      .returning({ id: schema.hubs.id });
    const error = await failure(() =>
      tdb.db.insert(schema.hubInvites).values({
        hubId: hub[0]!.id,
        code: "fk-code-1",
        createdBy: null,
        targetUserId: "01890a5d-ac96-774b-bcce-b302099a8057",
        expiresAt: new Date(Date.now() + 60_000),
      }),
    );
    const fault = clientFaultFromDatabase(error);
    expect(fault?.code).toBe("USER_NOT_FOUND");
    expect(fault?.fieldErrors).toEqual({ targetUserId: ["errors.notFound"] });
  });

  it("names the hub a foreign key did not find", async () => {
    const error = await failure(() =>
      tdb.db.insert(schema.hubRoles).values({
        hubId: "01890a5d-ac96-774b-bcce-b302099a8057",
        key: "fk-role",
        name: "FK role",
        position: 1,
      }),
    );
    const fault = clientFaultFromDatabase(error);
    expect(fault?.code).toBe("HUB_NOT_FOUND");
    expect(fault?.params).toEqual({ hub: "01890a5d-ac96-774b-bcce-b302099a8057" });
  });

  it("answers every table a foreign key points at with that resource's own 404 code", () => {
    const referenced = new Set<string>();
    for (const table of Object.values(schema))
      if (is(table, PgTable))
        for (const fk of getTableConfig(table).foreignKeys)
          referenced.add(getTableName(fk.reference().foreignTable));
    expect(referenced.size).toBeGreaterThan(3);
    for (const table of referenced) {
      const fault = clientFaultFromDatabase({
        code: "23503",
        detail: `Key (some_id)=(x) is not present in table "${table}".`,
      });
      expect(fault?.code, table).toMatch(/^[A-Z_]+_NOT_FOUND$/);
      expect(errorCodes[fault!.code].http, table).toBe(404);
    }
  });

  it("maps data exceptions (out of range, NUL, bad text for the type) to VALIDATION_FAILED", async () => {
    for (const statement of [
      sql`select ${"2147483648"}::integer`,
      sql`select ${"a\u0000b"}::text`,
      sql`select ${"not-a-uuid"}::uuid`,
    ]) {
      const error = await failure(() => tdb.db.execute(statement));
      expect(clientFaultFromDatabase(error)?.code).toBe("VALIDATION_FAILED");
    }
  });

  it("leaves server faults alone", async () => {
    const error = await failure(() => tdb.db.execute(sql`select * from no_such_table`));
    expect(clientFaultFromDatabase(error)).toBeNull();
    expect(clientFaultFromDatabase(new Error("plain"))).toBeNull();
  });
});
