import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { recordAudit } from "../src/access";
import { listAudit } from "../src/audit";
import { createHub } from "../src/hubs";
import { createUser } from "../src/users";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.destroy());

describe("audit log paging", () => {
  it("pages newest first without gaps or repeats, scoped to the hub", async () => {
    const user = await createUser(tdb.db, { username: "auditor" });
    const hub = await tdb.db.transaction((tx) =>
      createHub(tx, { slug: "alpha", name: "Alpha", ownerId: user.id }),
    );
    const other = await tdb.db.transaction((tx) =>
      createHub(tx, { slug: "beta", name: "Beta", ownerId: user.id }),
    );
    for (let i = 0; i < 25; i++) {
      await recordAudit(tdb.db, {
        hubId: hub.id,
        actorId: user.id,
        action: i % 2 ? "a.odd" : "a.even",
        targetType: "t",
        targetId: String(i),
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAudit(tdb.db, { hubId: hub.id, limit: 7, cursor });
      seen.push(...page.items.map((e) => e.targetId ?? e.action));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(26); // 25 + hub.create
    expect(new Set(seen).size).toBe(26);
    expect(seen.slice(0, 3)).toEqual(["24", "23", "22"]);
    const odd = await listAudit(tdb.db, { hubId: hub.id, action: "a.odd", limit: 100 });
    expect(odd.items).toHaveLength(12);
    const otherHub = await listAudit(tdb.db, { hubId: other.id, limit: 100 });
    expect(otherHub.items.map((e) => e.action)).toEqual(["hub.create"]);
  });
});
