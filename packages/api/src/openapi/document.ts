import { type ErrorCode } from "@guildhall/core/errors";
import { GUILDHALL_VERSION } from "@guildhall/core/version";
import { processWide } from "@guildhall/process-wide";
import type { OperationObject, PathItemObject, ResponseObject } from "openapi3-ts/oas31";
import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "../root";
import { describeOperation } from "./describe";
import {
  commonHeaders,
  errorCodeSchema,
  errorResponses,
  errorSchema,
  responseHeaders,
} from "./errors";
import { procedureInfos, type ProcedureInfo } from "./operations";
import { procedureErrors, requestErrors } from "./procedure-errors.generated";
import { ssePath, sseOperation } from "./sse";

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;

const description = [
  "REST access to Guildhall, generated from the same procedures as the typed client.",
  "Errors are `{ code, message, fieldErrors, requestId }` with a stable `code` (each operation lists the codes it can answer)",
  "and a message in the caller's language (Accept-Language). Every answer carries `x-request-id` and `X-RateLimit-*` headers;",
  "429 answers carry `Retry-After`.",
  "Realtime: every subscription is plain Server-Sent Events at `GET /api/v1/sse/<procedure>` with its input as query",
  "parameters (the `realtime` operations below; docs/realtime.md).",
].join(" ");

/**
 * The codes an operation can answer: what its procedure's code throws
 * (derived from the source: scripts/procedure-errors.ts), what resolving the
 * bearer can answer, and what the REST route answers before any procedure
 * (input refused, body too large or of another type, the global bucket).
 */
function codesOf(
  procedure: ProcedureInfo,
  request: { input: boolean; body: boolean },
): ErrorCode[] {
  const derived = procedureErrors[procedure.path];
  if (!derived)
    throw new Error(`${procedure.path}: not in procedure-errors.generated.ts (run gen:openapi)`);
  const codes = new Set<ErrorCode>([
    ...derived.codes,
    ...requestErrors,
    "RATE_LIMITED",
    "INTERNAL",
  ]);
  if (request.input || request.body) codes.add("VALIDATION_FAILED");
  if (request.body) {
    codes.add("BAD_REQUEST");
    codes.add("PAYLOAD_TOO_LARGE");
    codes.add("UNSUPPORTED_MEDIA_TYPE");
  }
  return [...codes];
}

/** An operation's rules: meta's `openapi.description` when it has one, else the procedure's doc comment. */
export function rulesOf(procedure: ProcedureInfo): string {
  return procedure.meta?.openapi?.description ?? procedureErrors[procedure.path]?.doc ?? "";
}

/** The adapter's operation, with our description, our error responses and the headers every answer has. */
function completed(procedure: ProcedureInfo, operation: OperationObject): OperationObject {
  const responses: Record<string, ResponseObject> = {};
  const given = (operation.responses ?? {}) as Record<string, ResponseObject>;
  for (const [status, response] of Object.entries(given))
    if (/^2\d\d$/.test(status))
      responses[status] = { ...response, headers: { ...response.headers, ...commonHeaders } };
  return {
    ...operation,
    description: describeOperation(rulesOf(procedure), procedure.meta),
    responses: {
      ...responses,
      ...errorResponses(
        codesOf(procedure, {
          input: Boolean(operation.parameters?.length),
          body: operation.requestBody !== undefined,
        }),
      ),
    },
  };
}

function build(): OpenApiDocument {
  const generated = generateOpenApiDocument(appRouter, {
    title: "Guildhall API",
    description,
    version: GUILDHALL_VERSION,
    baseUrl: "/api/v1",
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
  });
  const paths: Record<string, PathItemObject> = { ...generated.paths };
  for (const procedure of procedureInfos()) {
    const openapi = procedure.meta?.openapi;
    if (procedure.type === "subscription") {
      // Query parameters, always validated (an unknown one is refused); no body.
      const codes = codesOf(procedure, { input: true, body: false });
      paths[ssePath(procedure.path)] = { get: sseOperation(procedure, rulesOf(procedure), codes) };
      continue;
    }
    if (!openapi) continue;
    const method = openapi.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    const item = paths[openapi.path];
    const operation = item?.[method];
    if (!item || !operation)
      throw new Error(`${procedure.path}: ${openapi.method} ${openapi.path} not generated`);
    paths[openapi.path] = { ...item, [method]: completed(procedure, operation) };
  }
  const schemas = Object.fromEntries(
    Object.entries(generated.components?.schemas ?? {}).filter(
      ([name]) => !name.startsWith("error."),
    ),
  );
  return {
    ...generated,
    paths,
    tags: [
      ...(generated.tags ?? []),
      { name: "realtime", description: "Plain Server-Sent Events" },
    ],
    components: {
      ...generated.components,
      schemas: { ...schemas, Error: errorSchema, ErrorCode: errorCodeSchema },
      headers: responseHeaders,
    },
  };
}

/**
 * The OpenAPI 3 document, generated once per process from the routers' meta,
 * zod schemas and doc comments; `baseUrl` (where the caller reached us)
 * becomes its server entry.
 */
export function getOpenApiDocument(baseUrl: string): OpenApiDocument {
  const cached = processWide("openapiDocument", (): { document?: OpenApiDocument } => ({}));
  cached.document ??= build();
  return { ...cached.document, servers: [{ url: baseUrl }] };
}
