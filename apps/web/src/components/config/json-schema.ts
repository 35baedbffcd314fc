import { configSectionSchemas, type ConfigSectionName } from "@guildhall/core/config-schemas";
import { z } from "zod";

/** The part of JSON Schema that zod writes for our section schemas. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
}

const cache = new Map<ConfigSectionName, JsonSchema>();

/** A section's schema as JSON Schema (what the form is generated from). */
export function sectionJsonSchema(section: ConfigSectionName): JsonSchema {
  let schema = cache.get(section);
  if (!schema) {
    schema = z.toJSONSchema(configSectionSchemas[section], { io: "input" }) as JsonSchema;
    cache.set(section, schema);
  }
  return schema;
}

/** `{ anyOf: [T, null] }` -> T, and whether null is allowed. */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf;
  if (!options) return { schema, nullable: false };
  const rest = options.filter((option) => option.type !== "null");
  return { schema: rest[0] ?? {}, nullable: rest.length < options.length };
}

/** "max_open_per_user" -> "Max open per user" (field names are the API's). */
export function fieldLabel(name: string): string {
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The server names fields `data.<field>.<index>…`; the form uses the path
 * inside the section. Errors of list items are shown with their list.
 */
export function sectionFieldErrors(fieldErrors: Record<string, string[]>) {
  const errors: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const inner = path === "data" ? "_" : path.replace(/^data\./, "");
    (errors[inner] ??= []).push(...messages);
  }
  return errors;
}
