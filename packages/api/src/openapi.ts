import { GUILDHALL_VERSION } from "@guildhall/core";
import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./root";

let cached: ReturnType<typeof generateOpenApiDocument> | undefined;

/** The OpenAPI 3 document, generated from the routers' meta and zod schemas. */
export function getOpenApiDocument(baseUrl: string) {
  cached ??= generateOpenApiDocument(appRouter, {
    title: "Guildhall API",
    description:
      "REST access to Guildhall. Errors are `{ code, message, fieldErrors, requestId }` with a stable `code` " +
      "and a message in the caller's language (Accept-Language). Realtime streams are Server-Sent Events " +
      "at `/api/trpc/<procedure>?input=<json>` (see the README).",
    version: GUILDHALL_VERSION,
    baseUrl,
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
  });
  return cached;
}
