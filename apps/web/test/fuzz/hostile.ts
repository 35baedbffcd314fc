import fc, { type Arbitrary } from "fast-check";

/** JSON text sent as it is (numbers JSON.stringify cannot write, such as 1e309). */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const MEGABYTE = "x".repeat(1024 * 1024);

/** Strings that broke or may break something: control characters, lone surrogates, huge, bidi. */
const hostileStrings: Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "\u202Eevil\u202C",
    "\u200F\u200E",
    "\u200B\uFEFF\u2060",
    "",
    " ",
    "\t\r\n",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-0",
    "0x10",
    "2147483648",
    "9007199254740993",
    "-2147483649",
    "99999999999999999999999999",
    "1.5",
    "true",
    "null",
    "undefined",
    "[]",
    "{}",
    "../../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "00000000-0000-0000-0000-000000000000",
    "0190a000-0000-7000-8000-00000000000g",
    "ffffffff-ffff-ffff-ffff-ffffffffffff:x",
  ),
  fc.integer({ min: 1, max: 31 }).map((c) => `a${String.fromCharCode(c)}b`),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.nat({ max: 3 }).map((n) => "a".repeat([255, 256, 1025, 65536][n]!)),
);

/** Boundary numbers, including those JSON can carry only as raw text. */
const hostileNumbers: Arbitrary<unknown> = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
  new RawJson("1e309"),
  new RawJson("-1e309"),
  new RawJson("123456789012345678901234567890"),
);

/** Values of the wrong JSON type wherever they appear. */
const wrongTypes: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null, null], [[[]]], { a: { b: { c: [] } } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.nat({ max: 1 }).map((n) => nest(n ? 64 : 512)),
  fc.jsonValue({ maxDepth: 3 }),
);

function nest(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Any hostile value: mostly strings and numbers, sometimes 1 MB. */
export const hostileValue: Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileStrings, weight: 5 },
  { arbitrary: hostileNumbers, weight: 3 },
  { arbitrary: wrongTypes, weight: 3 },
  { arbitrary: fc.constant(MEGABYTE), weight: 1 },
);

/** A whole input of the wrong kind: not an object, or an object with wrong members. */
export const hostileInput: Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.dictionary(fc.constantFrom("hubSlug", "id", "userId", "limit", "cursor", "x"), hostileValue, {
    maxKeys: 3,
  }),
);

/** Paths to every value inside `value` (the root is `[]`). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object" && !(value instanceof Date))
    for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...prefix, k]));
  return found;
}

function replaceAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, next);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], rest, next) };
}

export type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "extraKey"; key: string; value: unknown }
  | { kind: "dropKey"; at: number };

export const mutation: Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("replace" as const),
      at: fc.nat(),
      value: hostileValue,
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("extraKey" as const),
      key: fc.constantFrom("extra", "__proto__", "constructor", "hubId", "superAdmin", "\u0000"),
      value: hostileValue,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("dropKey" as const), at: fc.nat() }), weight: 1 },
);

/** `value` with one hostile change: a value replaced (not the root), a key added or removed. */
export function mutate(value: unknown, change: Mutation): unknown {
  const all = paths(value);
  const inner = all.length > 1 ? all.slice(1) : all;
  if (change.kind === "replace")
    return replaceAt(value, inner[change.at % inner.length]!, change.value);
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (change.kind === "extraKey") {
    if (!isObject) return { [change.key]: change.value };
    const copy = { ...(value as Record<string, unknown>) };
    Object.defineProperty(copy, change.key, { value: change.value, enumerable: true });
    return copy;
  }
  if (!isObject) return value;
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const { [keys[change.at % keys.length]!]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** JSON text of `value`, with RawJson written as their raw text. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? "null").replace(/"\\u0001raw(\d+)\\u0001"/g, (_, i: string) => raws[Number(i)]!);
}

/** `value` as JSON would read it back (RawJson parsed), to check against the schema. */
export function asParsed(value: unknown): unknown {
  return JSON.parse(toJson(value)) as unknown;
}
