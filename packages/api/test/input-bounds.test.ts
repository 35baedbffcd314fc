import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../src";

/**
 * Every number a procedure accepts is bounded by what its column holds: an
 * integer above 2^31 - 1 (Postgres `integer`) must fail validation, not the
 * query. Checked on the input schemas' JSON Schema, so new procedures are held
 * to it too.
 */
interface ProcedureDef {
  _def: { type: string; inputs: z.ZodType[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);

type JsonSchema = Record<string, unknown>;

/** Paths of integer (or number) fields whose bounds reach past int32. */
function unbounded(schema: unknown, path: string, found: string[]): void {
  if (!schema || typeof schema !== "object") return;
  const node = schema as JsonSchema;
  if (node.type === "integer" || node.type === "number") {
    const max = (node.maximum ?? node.exclusiveMaximum) as number | undefined;
    const min = (node.minimum ?? node.exclusiveMinimum) as number | undefined;
    if (max === undefined || max > INT32_MAX || min === undefined || min < INT32_MIN)
      found.push(`${path || "(input)"}: ${String(min)}..${String(max)}`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, child] of Object.entries(value)) unbounded(child, `${path}.${name}`, found);
    } else if (Array.isArray(value)) {
      for (const child of value) unbounded(child, path, found);
    } else if (typeof value === "object" && key !== "properties") {
      unbounded(value, path, found);
    }
  }
}

describe("input bounds", () => {
  it("every number in every input schema has bounds within a 32-bit integer", () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const [name, procedure] of Object.entries(procedures)) {
      for (const input of procedure._def.inputs) {
        const json = z.toJSONSchema(input, { io: "input", unrepresentable: "any" });
        const found: string[] = [];
        unbounded(json, "", found);
        offenders.push(...found.map((f) => `${name}${f}`));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
