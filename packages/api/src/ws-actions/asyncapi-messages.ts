import { describeOperation } from "../openapi/describe";
import { rulesOf } from "../openapi/document";
import { componentize, schemaRef, type SchemaComponents } from "./asyncapi-schemas";
import type { ActionProcedure } from "./procedures";
import type { ActionSchema, JsonSchema } from "./schemas";

export interface Message {
  name: string;
  title: string;
  summary?: string;
  payload: JsonSchema;
}

const constant = (value: unknown) => ({ const: value });
const id = schemaRef("ActionId");
const error = schemaRef("Error");

function object(properties: Record<string, unknown>, required: string[]): JsonSchema {
  return { type: "object", required, properties };
}

/** `{ action, id?, success: false, error }` of `action` (a string, or null for a frame that named none). */
export function failure(action: unknown): JsonSchema {
  return object({ action, id, success: constant(false), error }, ["action", "success", "error"]);
}

function reply(action: string, data: unknown): JsonSchema {
  return {
    oneOf: [
      object({ action: constant(action), id, success: constant(true), data }, [
        "action",
        "success",
      ]),
      failure(constant(action)),
    ],
  };
}

/** The messages every action socket has, whatever the routers hold. */
export function protocolMessages(): Message[] {
  return [
    {
      name: "auth",
      title: "Authenticate (the first message)",
      payload: object({ action: constant("auth"), id, token: { type: "string" } }, [
        "action",
        "token",
      ]),
    },
    {
      name: "auth.reply",
      title: "Authenticated, or refused (then the socket closes 4401)",
      payload: reply("auth", object({ userId: { type: ["string", "null"] } }, ["userId"])),
    },
    { name: "ping", title: "Ping", payload: object({ action: constant("ping"), id }, ["action"]) },
    { name: "pong", title: "Pong", payload: object({ action: constant("pong"), id }, ["action"]) },
    {
      name: "refusal",
      title: "A frame refused before any action ran (malformed, unknown action, rate limited)",
      payload: failure({ type: ["string", "null"] }),
    },
    {
      name: "subscribe.reply",
      title: "The subscription started, or was refused",
      payload: reply("subscribe", undefined),
    },
    {
      name: "unsubscribe",
      title: "End a subscription",
      payload: object({ action: constant("unsubscribe"), id }, ["action", "id"]),
    },
    {
      name: "unsubscribe.reply",
      title: "Unsubscribed (`ended`: it was live)",
      payload: reply("unsubscribe", object({ ended: { type: "boolean" } }, ["ended"])),
    },
    {
      name: "end",
      title: "The server ended a subscription",
      payload: object({ action: constant("end"), id }, ["action", "id"]),
    },
    {
      name: "error",
      title: "A subscription failed after it started",
      payload: object({ action: constant("error"), id, error }, ["action", "id", "error"]),
    },
  ];
}

/** The messages of one procedure: request and reply, or subscribe and event; schemas go into `components`. */
export function procedureMessages(
  procedure: ActionProcedure,
  schema: ActionSchema,
  components: SchemaComponents,
): Message[] {
  const { path } = procedure;
  const input = componentize(schema.input, `${path}.input`, components);
  const output = componentize(schema.output, `${path}.output`, components);
  const summary = describeOperation(
    rulesOf({ path, type: procedure.kind, meta: procedure.meta, input: procedure.input }),
    procedure.meta,
  );
  if (procedure.kind === "subscription")
    return [
      {
        name: `${path}.subscribe`,
        title: `Subscribe to ${path}`,
        summary,
        payload: object(
          {
            action: constant("subscribe"),
            id,
            input: object(
              { path: constant(path), input, lastEventId: { type: ["string", "null"] } },
              ["path"],
            ),
          },
          ["action", "id", "input"],
        ),
      },
      {
        name: `${path}.event`,
        title: `An event of ${path}`,
        payload: object(
          { action: constant("event"), id, eventId: { type: ["string", "null"] }, data: output },
          ["action", "id", "eventId", "data"],
        ),
      },
    ];
  return [
    {
      name: `${path}.request`,
      title: `${procedure.kind === "query" ? "Query" : "Mutation"} ${path}`,
      summary,
      payload: object({ action: constant(path), id, input }, ["action"]),
    },
    { name: `${path}.reply`, title: `The answer to ${path}`, payload: reply(path, output) },
  ];
}
