import { errorCodes, GUILDHALL_VERSION } from "@guildhall/core";
import { generateOpenApiDocument } from "trpc-to-openapi";
import type { SchemaObject } from "openapi3-ts/oas31";
import { appRouter } from "./root";

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
let generated: OpenApiDocument | undefined;

/**
 * The OpenAPI 3 document, generated once from the routers' meta and zod
 * schemas; `baseUrl` (where the caller reached us) becomes its server entry.
 */
export function getOpenApiDocument(baseUrl: string): OpenApiDocument {
  generated ??= withOurErrors(
    generateOpenApiDocument(appRouter, {
      title: "Guildhall API",
      description:
        "REST access to Guildhall. Errors are `{ code, message, fieldErrors, requestId }` with a stable `code` " +
        "and a message in the caller's language (Accept-Language). Realtime streams are Server-Sent Events " +
        "at `/api/trpc/<procedure>?input=<json>` (see the README).",
      version: GUILDHALL_VERSION,
      baseUrl: "/api/v1",
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    }),
  );
  return { ...generated, servers: [{ url: baseUrl }] };
}

/** What REST errors look like (the REST route rewrites the adapter's default body to it). */
const errorBodySchema: SchemaObject = {
  type: "object",
  required: ["code", "message", "fieldErrors", "requestId"],
  properties: {
    code: { type: "string", enum: Object.keys(errorCodes), description: "Stable error code" },
    message: { type: "string", description: "In the caller's language (Accept-Language)" },
    fieldErrors: {
      type: "object",
      description: "Messages per field path (dot-joined) for invalid input",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
    requestId: { type: ["string", "null"], description: "Also in the x-request-id header" },
  },
};

/** Replaces the adapter's default error schemas (`{ message, code, issues }`) with ours. */
function withOurErrors(document: OpenApiDocument): OpenApiDocument {
  const schemas = { ...document.components?.schemas };
  for (const name of Object.keys(schemas)) {
    if (name.startsWith("error.")) schemas[name] = { ...errorBodySchema, title: name };
  }
  return { ...document, components: { ...document.components, schemas } };
}
