import { GUILDHALL_VERSION } from "@guildhall/core";
import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./root";

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
let generated: OpenApiDocument | undefined;

/**
 * The OpenAPI 3 document, generated once from the routers' meta and zod
 * schemas; `baseUrl` (where the caller reached us) becomes its server entry.
 */
export function getOpenApiDocument(baseUrl: string): OpenApiDocument {
  generated ??= generateOpenApiDocument(appRouter, {
    title: "Guildhall API",
    description:
      "REST access to Guildhall. Errors are `{ code, message, fieldErrors, requestId }` with a stable `code` " +
      "and a message in the caller's language (Accept-Language). Realtime streams are Server-Sent Events " +
      "at `/api/trpc/<procedure>?input=<json>` (see the README).",
    version: GUILDHALL_VERSION,
    baseUrl: "/api/v1",
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
  });
  return { ...generated, servers: [{ url: baseUrl }] };
}
