import { verifyPassword } from "@guildhall/auth";
import { schema } from "@guildhall/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { listAudit } from "../src/audit";
import { listUserHubs } from "../src/hubs";
import { seedDemo } from "../src/seed";
import { getUserByUsername } from "../src/users";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.destroy());

const options = { hubSlug: "demo", adminUsername: "admin", adminEmail: "admin@example.test" };

describe("seed", () => {
  it("creates the demo hub and an admin once, returning the password only then", async () => {
    const first = await seedDemo(tdb.db, options);
    expect(first.created).toBe(true);
    expect(first.adminPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const admin = await getUserByUsername(tdb.db, "ADMIN");
    expect(admin && (await verifyPassword(admin.passwordHash!, first.adminPassword!))).toBe(true);
    const hubs = await listUserHubs(tdb.db, admin!.id);
    expect(hubs.map((h) => [h.slug, h.role])).toEqual([["demo", "owner"]]);

    const second = await seedDemo(tdb.db, options);
    expect(second).toEqual({ created: false, hubSlug: "demo", adminUsername: "admin" });
    expect(await tdb.db.select().from(schema.users)).toHaveLength(1);
  });

  it("audits the hub creation in the same transaction", async () => {
    const [hub] = await tdb.db.select().from(schema.hubs);
    const page = await listAudit(tdb.db, { hubId: hub!.id, limit: 10 });
    expect(page.items.map((e) => e.action)).toEqual(["hub.create"]);
  });
});
