import { Validator } from "@seriousme/openapi-schema-validator";
import { errorCodes, type ErrorCode } from "@guildhall/core/errors";
import type { OperationObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";
import { describe, expect, it } from "vitest";
import { deriveProcedureErrors } from "../scripts/procedure-errors";
import { getOpenApiDocument, rulesOf } from "../src/openapi/document";
import { procedureInfos } from "../src/openapi/operations";
import { procedureErrors, requestErrors } from "../src/openapi/procedure-errors.generated";
import { authorizationMatrix, tokenRule } from "./authorization-matrix";
import { crossHubCases, type CrossIds } from "./authorization-matrix/cross-hub";
import { roles, tokenCallers } from "./support/world";

const document = getOpenApiDocument("http://localhost/api/v1");
const procedures = procedureInfos();

/** Every operation of the document with the procedure behind it. */
const operations = procedures.flatMap((procedure) => {
  const openapi = procedure.meta?.openapi;
  const [path, method] =
    procedure.type === "subscription"
      ? [`/sse/${procedure.path}`, "get"]
      : openapi
        ? [openapi.path, openapi.method.toLowerCase()]
        : [];
  if (!path || !method) return [];
  const item = document.paths?.[path] as Record<string, OperationObject> | undefined;
  return [{ key: `${method.toUpperCase()} ${path}`, procedure, operation: item?.[method] }];
});

/** The codes an operation's error responses list, with the status each is listed under. */
function documentedCodes(operation: OperationObject | undefined): Map<ErrorCode, number> {
  const codes = new Map<ErrorCode, number>();
  for (const [status, response] of Object.entries(operation?.responses ?? {})) {
    const schema = (response as ResponseObject).content?.["application/json"]?.schema as
      SchemaObject | undefined;
    const narrowed = schema?.allOf?.[1] as SchemaObject | undefined;
    const list = (narrowed?.properties?.code as SchemaObject | undefined)?.enum ?? [];
    for (const code of list as ErrorCode[]) codes.set(code, Number(status));
  }
  return codes;
}

/** Ids for the cross-hub builders, which only place them in inputs. */
const fakeIds: CrossIds = new Proxy({} as CrossIds, {
  get: (_, key) =>
    key === "ownerTokenId"
      ? "00000000-0000-7000-8000-000000000001"
      : new Proxy({}, { get: () => "00000000-0000-7000-8000-000000000002" }),
});

describe("the OpenAPI document", () => {
  it("is current: the derived error codes and doc comments match the source", () => {
    // Stale after a change to a procedure's code or doc comment: `pnpm --filter @guildhall/api gen:openapi`.
    const derived = deriveProcedureErrors();
    expect(derived.request).toEqual([...requestErrors]);
    expect(derived.procedures).toEqual(procedureErrors);
  }, 180_000);

  it("passes a third-party OpenAPI validator", async () => {
    const result = await new Validator().validate(
      structuredClone(document) as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has an operation, with a summary and a description of its rules, for every procedure", () => {
    expect(operations.length).toBeGreaterThan(100);
    const missing = operations.filter(({ operation }) => !operation).map((o) => o.key);
    expect(missing).toEqual([]);
    const undescribed = operations.filter(({ procedure, operation }) => {
      const rules = rulesOf(procedure);
      return (
        !operation?.summary ||
        rules.length < 20 ||
        !operation.description?.startsWith(rules.replace(/\s*\n\s*/g, " "))
      );
    });
    expect(undescribed.map((o) => o.key)).toEqual([]);
  });

  it("declares 401 where a caller can be unauthenticated, and 429 with Retry-After everywhere", () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const { key, procedure, operation } of operations) {
      const responses = (operation?.responses ?? {}) as Record<string, ResponseObject>;
      if (procedure.meta?.access?.kind !== "public")
        expect(Object.keys(responses), key).toContain("401");
      expect(Object.keys(responses["429"]?.headers ?? {}), key).toContain("Retry-After");
      for (const [status, response] of Object.entries(responses))
        expect(Object.keys(response.headers ?? {}), `${key} ${status}`).toContain("x-request-id");
    }
  });

  it("lists each error code under the status the error table gives it", () => {
    for (const { key, operation } of operations) {
      const codes = documentedCodes(operation);
      expect(codes.size, key).toBeGreaterThan(0);
      for (const [code, status] of codes)
        expect(`${key} ${code} ${status}`).toBe(`${key} ${code} ${errorCodes[code].http}`);
    }
  });

  it("lists every code the authorization matrix gets from an operation", () => {
    // The matrix asserts these answers against the real procedures, so a code the
    // derivation missed shows here.
    const missed: string[] = [];
    for (const { key, procedure, operation } of operations) {
      const entry = authorizationMatrix[procedure.path];
      expect(entry, `${procedure.path} has a matrix row`).toBeDefined();
      if (!entry) continue;
      const outcomes = new Set([
        ...roles.map((role) => entry.outcomes[role]),
        ...tokenCallers.map((token) => tokenRule(entry, procedure.type, token)),
        ...(crossHubCases[procedure.path]?.(fakeIds) ?? []).map((c) => c.expect),
        "VALIDATION_FAILED" as const,
      ]);
      const documented = documentedCodes(operation);
      for (const outcome of outcomes)
        if (outcome !== "ok" && !documented.has(outcome)) missed.push(`${key}: ${outcome}`);
    }
    expect(missed).toEqual([]);
  });

  it("names error schemas by our codes, defined once", () => {
    const schemas = Object.keys(document.components?.schemas ?? {});
    expect(schemas).toContain("Error");
    expect(schemas).toContain("ErrorCode");
    expect(schemas.filter((name) => name.startsWith("error.") || /^[A-Z_]+$/.test(name))).toEqual(
      [],
    );
    const codeEnum = (document.components?.schemas?.ErrorCode as SchemaObject).enum;
    expect(codeEnum).toEqual(Object.keys(errorCodes));
  });

  it("describes each subscription as a text/event-stream operation with its parameters and event types", () => {
    const subscriptions = procedures.filter((p) => p.type === "subscription");
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const procedure of subscriptions) {
      const operation = (document.paths?.[`/sse/${procedure.path}`] as { get?: OperationObject })
        ?.get;
      expect(operation, procedure.path).toBeDefined();
      const ok = operation?.responses?.["200"] as ResponseObject;
      expect(Object.keys(ok.content ?? {})).toEqual(["text/event-stream"]);
      const events = Object.keys(procedure.meta?.events ?? {});
      expect(events.length, procedure.path).toBeGreaterThan(0);
      for (const type of events)
        expect(operation?.description, procedure.path).toContain(`\`${type}\``);
      const shape = (procedure.input as { shape?: Record<string, unknown> } | undefined)?.shape;
      const inner =
        shape ??
        (procedure.input as { def?: { innerType?: { shape?: object } } })?.def?.innerType?.shape;
      const query = (operation?.parameters ?? [])
        .filter((p) => "in" in p && p.in === "query")
        .map((p) => ("name" in p ? p.name : ""));
      expect(query.sort(), procedure.path).toEqual(Object.keys(inner ?? {}).sort());
    }
    expect(document.info.description).toContain("/api/v1/sse/");
    expect(document.info.description).not.toContain("/api/trpc");
  });
});
