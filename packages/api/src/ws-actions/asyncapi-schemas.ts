import { errorCodeSchema, errorSchema } from "../openapi/errors";
import type { JsonSchema } from "./schemas";

/**
 * Where a document keeps its schemas: named (zod `meta({ id })`) schemas
 * shared by every action that uses them, plus the document's own; `raw`
 * remembers each named one as zod wrote it, to tell a same-named different
 * schema (an input's view of it, say) from the same one.
 */
export interface SchemaComponents {
  schemas: Record<string, JsonSchema>;
  raw: Map<string, string>;
}

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** `value` with every `$ref` passed through `rewrite` (a deep copy). */
function rewriteRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rewrite));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === "$ref" && typeof child === "string" ? rewrite(child) : rewriteRefs(child, rewrite),
    ]),
  );
}

/** The name of definition `wanted` (as zod wrote it): its own, or `wanted_2`… when taken by another. */
function place(components: SchemaComponents, wanted: string, definition: unknown): string {
  const json = JSON.stringify(definition);
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted}_${n}`;
    const held = components.raw.get(name);
    if (held === undefined && !(name in components.schemas)) {
      components.raw.set(name, json);
      return name;
    }
    if (held === json) return name;
  }
}

/**
 * A stand-alone JSON Schema (draft 7, as zod writes it: `definitions` and
 * refs relative to itself) as one component named `name`, its definitions
 * lifted into `components` beside it, every ref rewritten to point there.
 */
export function componentize(
  schema: JsonSchema,
  name: string,
  components: SchemaComponents,
): { $ref: string } {
  const {
    $schema: _,
    definitions,
    ...root
  } = schema as JsonSchema & { definitions?: SchemaComponents };
  const names = new Map<string, string>();
  const refOf = (ref: string) =>
    ref === "#"
      ? `#/components/schemas/${name}`
      : ref.startsWith("#/definitions/")
        ? `#/components/schemas/${names.get(ref.slice("#/definitions/".length)) ?? ""}`
        : ref;
  // Names first (definitions may refer to each other), then the rewritten bodies.
  for (const [key, definition] of Object.entries(definitions ?? {}))
    names.set(key, place(components, key, definition));
  for (const [key, definition] of Object.entries(definitions ?? {}))
    components.schemas[names.get(key)!] = rewriteRefs(definition, refOf) as JsonSchema;
  components.schemas[name] = rewriteRefs(root, refOf) as JsonSchema;
  return schemaRef(name);
}

/** A document's schemas, starting with the ones it has whatever the routers hold. */
export function schemaComponents(): SchemaComponents {
  const schemas: Record<string, JsonSchema> = {
    Error: errorSchema as JsonSchema,
    ErrorCode: errorCodeSchema as JsonSchema,
    ActionId: {
      description: "The client's id of a request, echoed on every frame that answers it",
      oneOf: [{ type: "string", minLength: 1, maxLength: 128 }, { type: "number" }],
    },
  };
  return { schemas, raw: new Map() };
}
