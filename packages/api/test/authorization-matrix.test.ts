import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { appRouter, type Meta } from "../src";
import { authorizationMatrix, itMatchesRow, tokenRule, type Outcome } from "./authorization-matrix";
import { callProcedure } from "./support/call-procedure";
import { tokenCallers, useWorld, type Role } from "./support/world";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

const fixture = useWorld();

/** Calls a procedure by its dotted path; for subscriptions, waits for the first event. */
function call(role: Role, path: string, input: unknown): Promise<Outcome> {
  return callWith(fixture.world.caller(role), path, input);
}

async function callWith(caller: object, path: string, input: unknown): Promise<Outcome> {
  return (await callProcedure(caller, path, input)).outcome;
}

describe("authorization matrix", () => {
  // Rate limits are tested on their own; here every call must reach authorization.
  beforeEach(() => resetRateLimiters());

  it("has an entry for every procedure and every procedure declares its access", () => {
    const paths = Object.keys(procedures).sort();
    expect(paths.filter((p) => !(p in authorizationMatrix))).toEqual([]);
    expect(Object.keys(authorizationMatrix).filter((p) => !(p in procedures))).toEqual([]);
    for (const path of paths) expect(procedures[path]!._def.meta?.access, path).toBeDefined();
  });

  for (const [path, entry] of Object.entries(authorizationMatrix)) {
    itMatchesRow(path, entry, call, () => fixture.world.restore());

    it(`${path}: owner's application tokens get what the token rule says`, async () => {
      // One at a time, each on the world as built (a token may revoke itself: tokens.revokeAll).
      const got: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const token of tokenCallers) {
        await fixture.world.restore();
        got[token] = await callWith(await fixture.world.tokenCaller(token), path, entry.input);
        expected[token] = tokenRule(entry, procedures[path]!._def.type, token);
      }
      await fixture.world.restore();
      expect(got).toEqual(expected);
    });

    it(`${path}: bad input is VALIDATION_FAILED, never a 500`, async () => {
      expect(await call("superAdmin", path, entry.badInput)).toBe("VALIDATION_FAILED");
    });
  }
});
