import { appRouter, type Meta } from "@guildhall/api";
import type { z } from "zod";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta; inputs: z.core.$ZodType[] };
}
/** The app router's procedures by dotted path, with the parts these tests read. */
export const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** One REST operation: `GET /hubs/{hubSlug}`, and the procedure behind it. */
export interface RestOperation {
  /** `METHOD /path/{param}` as the OpenAPI document keys it. */
  key: string;
  method: string;
  template: string;
  procedure: string;
}

/** Every REST operation the procedures declare (meta.openapi), subscriptions aside. */
export function declaredOperations(): RestOperation[] {
  return Object.entries(procedures).flatMap(([procedure, { _def }]) => {
    const openapi = _def.meta?.openapi;
    if (!openapi || _def.type === "subscription") return [];
    const method = openapi.method.toUpperCase();
    return [{ key: `${method} ${openapi.path}`, method, template: openapi.path, procedure }];
  });
}

/** A served operation: its key and the success status the document gives it. */
export interface ServedOperation {
  key: string;
  successStatus: number;
  /** Whether the document gives it any input (parameters or a request body). */
  takesInput: boolean;
  /** Whether the document declares a request body. */
  declaresBody: boolean;
}

/** Where the document puts each subscription's plain SSE stream: `/sse/<procedure>`. */
export const ssePrefix = "/sse/";

/** The subscriptions whose plain SSE stream the served document describes. */
export async function servedStreams(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  const document = (await response.json()) as OpenApiDocument;
  return Object.keys(document.paths)
    .filter((path) => path.startsWith(ssePrefix))
    .map((path) => path.slice(ssePrefix.length));
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { responses?: Record<string, unknown>; parameters?: unknown[]; requestBody?: unknown }
    >
  >;
}

/** The REST operations of the document the running server serves at /api/openapi.json (its plain SSE streams aside). */
export async function servedOperations(baseUrl: string): Promise<ServedOperation[]> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (!response.ok) throw new Error(`/api/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const rest = Object.entries(document.paths).filter(([path]) => !path.startsWith(ssePrefix));
  return rest.flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const success = Object.keys(operation.responses ?? {})
        .map(Number)
        .filter((status) => status >= 200 && status < 300);
      return {
        key: `${method.toUpperCase()} ${path}`,
        // One documented success status per operation; NaN (never equal) when there is none.
        successStatus: success.length === 1 ? success[0]! : Number.NaN,
        takesInput: Boolean(operation.parameters?.length) || operation.requestBody !== undefined,
        declaresBody: operation.requestBody !== undefined,
      };
    }),
  );
}
