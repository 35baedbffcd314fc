import { processWide } from "@guildhall/process-wide";
import { z } from "zod";
import type { Meta } from "../meta";
import { actionProcedures, type ActionProcedure, type ProcedureKind } from "./procedures";

export type JsonSchema = Record<string, unknown>;

/** The JSON Schemas of one action: what `input` takes and what `data` answers (an event's `data` for subscriptions). */
export interface ActionSchema {
  kind: ProcedureKind;
  input: JsonSchema;
  output: JsonSchema;
}

export type SchemaTarget = "draft-2020-12" | "draft-7";

/** A procedure that takes no input: `input` is left out (null is the same). */
const noInput: JsonSchema = { type: "null", description: "Takes no input: leave `input` out" };

/**
 * A zod schema as JSON Schema, the way the wire sees it: inputs before
 * parsing (`io: "input"`: defaults optional, coerced fields as sent), outputs
 * after, with Dates as ISO strings (what JSON makes of them). Refinements and
 * transforms JSON Schema cannot say become "anything" rather than failing.
 */
export function jsonSchemaOf(
  schema: z.ZodType,
  io: "input" | "output",
  target: SchemaTarget = "draft-2020-12",
): JsonSchema {
  return z.toJSONSchema(schema, {
    io,
    target,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") {
        jsonSchema.type = "string";
        jsonSchema.format = "date-time";
      }
    },
  });
}

/** What a subscription's events carry: `{ type, payload }`, `type` one of its declared events. */
function eventSchema(meta: Meta | undefined): JsonSchema {
  const events = meta?.events ?? {};
  return {
    type: "object",
    required: ["type", "payload"],
    properties: {
      type: {
        type: "string",
        enum: Object.keys(events),
        description: "See the subscription's events",
      },
      payload: { type: "object", additionalProperties: true },
    },
    description: Object.entries(events)
      .map(([type, meaning]) => `${type}: ${meaning}`)
      .join("; "),
  };
}

function schemaOf(procedure: ActionProcedure, target: SchemaTarget): ActionSchema {
  const { input, output, kind, meta } = procedure;
  return {
    kind,
    input: input ? jsonSchemaOf(input, "input", target) : noInput,
    output:
      kind === "subscription"
        ? eventSchema(meta)
        : output
          ? jsonSchemaOf(output, "output", target)
          : {},
  };
}

/**
 * The JSON Schema of every action's input and output, by procedure path
 * (queries, mutations, and subscriptions with their event `data`), built
 * once per process from the routers' zod schemas.
 */
export function actionSchemas(
  target: SchemaTarget = "draft-2020-12",
): Record<string, ActionSchema> {
  const cache = processWide(
    "wsActionSchemas",
    () => new Map<SchemaTarget, Record<string, ActionSchema>>(),
  );
  let schemas = cache.get(target);
  if (!schemas) {
    schemas = Object.fromEntries(actionProcedures().map((p) => [p.path, schemaOf(p, target)]));
    cache.set(target, schemas);
  }
  return schemas;
}
