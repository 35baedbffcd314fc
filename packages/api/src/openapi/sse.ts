import type { ErrorCode } from "@guildhall/core/errors";
import type { OperationObject, ParameterObject, SchemaObject } from "openapi3-ts/oas31";
import { z } from "zod";
import { describeOperation } from "./describe";
import { commonHeaders, errorResponses } from "./errors";
import type { ProcedureInfo } from "./operations";

/** The REST path of a subscription's plain SSE stream (under /api/v1). */
export const ssePath = (procedure: string) => `/sse/${procedure}`;

/** The subscription's input as query parameters (flat strings, as the SSE route passes them). */
function queryParameters(input: z.ZodType | undefined): ParameterObject[] {
  if (!input) return [];
  const schema = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as SchemaObject;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property as SchemaObject,
    ...(name === "lastEventId"
      ? { description: "Resume after this event id (the Last-Event-ID header wins)" }
      : {}),
  }));
}

const frames = [
  'Frames: `retry: 3000` first; then `data: {"type": …, "payload": …}` per event (plain JSON, one line),',
  "with `id:` when the event can be resumed; `: ping` comments every 15 s; `event: end` when the server",
  "ended the subscription (do not reconnect); `event: failure` with the error body when it failed after starting",
  "(`TOKEN_EXPIRED`: refresh the token and reconnect from the last id).",
].join(" ");

/** The plain SSE operation of a subscription: `GET /sse/<procedure>`, `text/event-stream`. */
export function sseOperation(
  procedure: ProcedureInfo,
  doc: string,
  codes: Iterable<ErrorCode>,
): OperationObject {
  const events = procedure.meta?.events ?? {};
  const eventList = Object.entries(events)
    .map(([type, meaning]) => `- \`${type}\`: ${meaning}`)
    .join("\n");
  const isPublic = procedure.meta?.access?.kind === "public";
  return {
    operationId: `sse-${procedure.path}`,
    summary: procedure.meta?.summary ?? procedure.path,
    description: [
      describeOperation(doc, procedure.meta),
      frames,
      `Event types:\n${eventList}`,
    ].join("\n\n"),
    tags: ["realtime"],
    ...(isPublic ? {} : { security: [{ bearer: [] }] }),
    parameters: [
      ...queryParameters(procedure.input),
      {
        name: "Last-Event-ID",
        in: "header",
        required: false,
        schema: { type: "string", pattern: "^\\d+$" },
        description: "Sent by a reconnecting EventSource: resume after this event",
      },
    ],
    responses: {
      "200": {
        description: "The event stream (refusals before it starts are ordinary JSON errors)",
        headers: commonHeaders,
        content: {
          "text/event-stream": {
            schema: { type: "string", description: frames },
          },
        },
      },
      ...errorResponses(codes),
    },
    "x-sse-events": Object.keys(events),
  };
}
