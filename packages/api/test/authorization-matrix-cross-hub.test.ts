import { getHubBySlug } from "@guildhall/core/hubs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { appRouter } from "../src";
import {
  crossHubCases,
  crossHubExempt,
  notObjectIds,
  type CrossIds,
} from "./authorization-matrix/cross-hub";
import { callProcedure } from "./support/call-procedure";
import { useWorld, type Role } from "./support/world";
import { snapshotDatabase } from "./support/world-objects";

// The world's attachments go to a folder of this test file, through the real local storage.
const uploads = mkdtempSync(join(tmpdir(), "gh-matrix-"));
vi.stubEnv("UPLOAD_DIR", uploads);
afterAll(() => rmSync(uploads, { recursive: true, force: true }));

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

const fixture = useWorld({ objects: true });

/** Calls a procedure by its dotted path; for subscriptions, waits for the first event. */
function call(role: Role, path: string, input: unknown) {
  return callProcedure(fixture.world.caller(role), path, input);
}

/** Property names (any depth) of a JSON Schema that name objects: `…Id`, `…Ids` or uuid strings. */
function idFields(schema: unknown, found: Set<string>): Set<string> {
  if (!schema || typeof schema !== "object") return found;
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        const format = (child as { format?: string } | null)?.format;
        if ((/Ids?$/.test(name) || format === "uuid") && !notObjectIds.has(name)) found.add(name);
        idFields(child, found);
      }
    } else if (typeof value === "object") idFields(value, found);
  }
  return found;
}

async function hubIdOf(slug: string) {
  const hub = await getHubBySlug(fixture.db.db, slug);
  return hub!.id;
}

const ids = (): CrossIds => ({
  ...fixture.world.objects!,
  ownerTokenId: fixture.world.tokenIds.writeToken,
});

describe("authorization matrix: other hubs' objects", () => {
  beforeEach(() => resetRateLimiters());

  it("covers every procedure whose input names an object (or exempts it, with a reason)", () => {
    const needing = Object.entries(procedures)
      .filter(([, p]) =>
        p._def.inputs.some(
          (i) =>
            idFields(z.toJSONSchema(i, { io: "input", unrepresentable: "any" }), new Set()).size,
        ),
      )
      .map(([path]) => path)
      .sort();
    expect(needing.length).toBeGreaterThan(50);
    expect(needing.filter((p) => !(p in crossHubCases) && !(p in crossHubExempt))).toEqual([]);
    // No stale exemptions, and nothing both covered and exempt. (Covered procedures without
    // an id field are fine: config versions are named by number, audit lists by hub.)
    expect(Object.keys(crossHubExempt).filter((p) => !needing.includes(p))).toEqual([]);
    expect(Object.keys(crossHubCases).filter((p) => p in crossHubExempt)).toEqual([]);
  });

  it("seeded an object of every kind in both hubs, each distinct", () => {
    const { alpha, beta } = fixture.world.objects!;
    const keys = Object.keys(alpha).filter((k) => k.endsWith("Id"));
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      const value = alpha[key as keyof typeof alpha];
      expect(value, key).toMatch(/^[0-9a-f-]{36}$/);
      expect(value, key).not.toEqual(beta[key as keyof typeof beta]);
    }
    // Each hub's config section is one the other never saved.
    expect(alpha.configSection).not.toEqual(beta.configSection);
  });

  for (const [path, cases] of Object.entries(crossHubCases)) {
    it(`${path}: another hub's (or user's) objects are not found, and nothing changes`, async () => {
      const list = cases(ids());
      expect(list.length).toBeGreaterThan(0);
      const got: unknown[] = [];
      for (const c of list) {
        const ownHub = c.as === "otherHub" ? "beta" : "alpha";
        const except = c.ownHubMayChange ? await hubIdOf(ownHub) : undefined;
        const before = await snapshotDatabase(fixture.db.db, except);
        const { outcome, result } = await call(c.as, path, c.input);
        expect(await snapshotDatabase(fixture.db.db, except), `${path} as ${c.as}`).toEqual(before);
        got.push({ as: c.as, input: c.input, outcome });
        if (outcome === "ok" && c.leaks) {
          const there = c.as === "otherHub" ? ids().alpha : ids().beta;
          expect(c.leaks(result, there), `${path} as ${c.as} shows the other hub`).toEqual([]);
        }
        if (c.control) {
          const here = c.as === "otherHub" ? ids().beta : ids().alpha;
          const own = await call(c.as, path, c.control.input);
          expect(own.outcome).toBe("ok");
          expect(c.control.shows(own.result, here).length, `${path} own hub`).toBeGreaterThan(0);
        }
      }
      expect(got).toEqual(list.map((c) => ({ as: c.as, input: c.input, outcome: c.expect })));
    });
  }
});
