import fc, { type Arbitrary } from "fast-check";
import type { z } from "zod";

/**
 * fast-check arbitraries for the inputs of a zod 4 schema, read from its
 * public definition (`schema._zod.def`). No maintained generator supports
 * zod 4 with fast-check 4: zod-fast-check needs zod 3 and fast-check < 4, and
 * @traversable/zod ships no fuzzer. Values aim to be valid (so handlers run),
 * but refinements (`.refine`, `.superRefine`) are not solved, so some are not.
 *
 * `hints` give values for keys by name (hub slugs, user ids of the world), so
 * generated inputs reach rows that exist.
 */
export type Hints = Record<string, Arbitrary<unknown>>;

type Schema = z.core.$ZodType;
interface Check {
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number | bigint;
  maximum?: number | bigint;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  prefix?: string;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Record<string, unknown>;
const checksOf = (schema: Schema): Check[] =>
  ((defOf(schema).checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Strings of the formats our schemas use; anything else falls back to its pattern. */
const formats: Record<string, Arbitrary<string>> = {
  uuid: fc.uuid({ version: 7 }),
  email: fc.emailAddress().filter((e) => e.length <= 254),
  url: fc.webUrl(),
  datetime: fc
    .date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true })
    .map((d) => d.toISOString()),
};

function stringArbitrary(schema: Schema): Arbitrary<string> {
  const checks = [defOf(schema) as Check, ...checksOf(schema)];
  let min = 0;
  let max = 64;
  let base: Arbitrary<string> | undefined;
  for (const c of checks) {
    if (c.check === "min_length") min = Number(c.minimum);
    if (c.check === "max_length") max = Math.min(Number(c.maximum), 2000);
    if (c.check === "length_equals") min = max = Number(c.length);
    if (c.check === "string_format" && c.format) {
      base =
        formats[c.format] ??
        (c.format === "starts_with" && c.prefix !== undefined
          ? fc.string({ maxLength: 8 }).map((s) => `${c.prefix}${s}`)
          : c.pattern
            ? fc.stringMatching(c.pattern)
            : undefined);
    }
  }
  if (min > max) max = min;
  if (!base) return fc.string({ minLength: min, maxLength: max, unit: "grapheme" });
  // Padding or cutting would break the pattern: keep the strings of allowed length.
  return base.filter((s) => s.length >= min && s.length <= max);
}

function numberArbitrary(schema: Schema): Arbitrary<number> {
  const checks = checksOf(schema);
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const c of checks) {
    if (c.check === "number_format") integer = c.format !== "float32" && c.format !== "float64";
    if (c.check === "greater_than")
      min = Number(c.value) + (c.inclusive ? 0 : integer ? 1 : Number.EPSILON);
    if (c.check === "less_than")
      max = Number(c.value) - (c.inclusive ? 0 : integer ? 1 : Number.EPSILON);
  }
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(schema: Schema, hints: Hints): Arbitrary<Record<string, unknown>> {
  const shape = defOf(schema).shape as Record<string, Schema>;
  const entries = Object.entries(shape).map(([key, value]) => {
    const optional = value._zod.optin === "optional";
    const arbitrary = hints[key] ?? arbitraryFor(value, hints);
    return [key, optional ? fc.option(arbitrary, { nil: undefined }) : arbitrary] as const;
  });
  return fc
    .record(Object.fromEntries(entries))
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
}

/** An arbitrary for inputs of `schema` (what is sent, before defaults and transforms). */
export function arbitraryFor(schema: Schema, hints: Hints = {}): Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (key: string) => arbitraryFor(def[key] as Schema, hints);
  switch (def.type) {
    case "string":
      return stringArbitrary(schema);
    case "number":
      return numberArbitrary(schema);
    case "bigint":
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true });
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "void":
    case "undefined":
      return fc.constant(undefined);
    case "null":
      return fc.constant(null);
    case "unknown":
    case "any":
      return fc.jsonValue({ maxDepth: 2 });
    case "object":
      return objectArbitrary(schema, hints);
    case "array": {
      const checks = checksOf(schema);
      const min = Number(checks.find((c) => c.check === "min_length")?.minimum ?? 0);
      const max = Number(checks.find((c) => c.check === "max_length")?.maximum ?? min + 4);
      return fc.array(inner("element"), { minLength: min, maxLength: Math.min(max, min + 4) });
    }
    case "tuple":
      return fc.tuple(...(def.items as Schema[]).map((item) => arbitraryFor(item, hints)));
    case "record":
      return fc
        .dictionary(fc.string({ minLength: 1, maxLength: 12 }), inner("valueType"), {
          maxKeys: 4,
        })
        .map((d) => ({ ...d }));
    case "union":
      return fc.oneof(...(def.options as Schema[]).map((option) => arbitraryFor(option, hints)));
    case "intersection":
      return fc
        .tuple(inner("left"), inner("right"))
        .map(([l, r]) => ({ ...(l as object), ...(r as object) }));
    case "optional":
      return fc.option(inner("innerType"), { nil: undefined });
    case "nullable":
      return fc.option(inner("innerType"), { nil: null });
    case "default":
    case "prefault":
      return fc.option(inner("innerType"), { nil: undefined });
    case "catch":
    case "readonly":
    case "nonoptional":
      return inner("innerType");
    case "pipe":
      // A transform's input is the pipe's `in`; a coercing pipe accepts what `in` accepts.
      return inner("in");
    case "lazy":
      return arbitraryFor((def.getter as () => Schema)(), hints);
    case "transform":
      return fc.jsonValue({ maxDepth: 1 });
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}
