import { errorCodes } from "@guildhall/core/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorizationMatrix,
  type MatrixEntry,
  type Outcome,
} from "../../../packages/api/test/authorization-matrix";
import { roles, type Role } from "../../../packages/api/test/support/world";
import { callRest } from "./fuzz/calls";
import { startMatrixServer, type MatrixServer } from "./rest-matrix/matrix-server";
import { callSse } from "./rest-matrix/sse-outcome";
import {
  declaredOperations,
  procedures,
  servedOperations,
  servedStreams,
  type RestOperation,
  type ServedOperation,
} from "./support/openapi-operations";

/**
 * The authorization matrix again, over HTTP against the production server: every REST
 * operation of the served OpenAPI document (/api/v1) and every subscription
 * over its plain SSE URL (/api/v1/sse/<procedure>), for every kind of caller
 * (bearer tokens), with the outcome the matrix names over tRPC, the HTTP
 * status the error table gives for its code (the documented success status
 * for "ok"), and each operation's bad input refused 400 VALIDATION_FAILED.
 * Calls that change the world (`restoreAfterEach`) run for their allowed
 * callers too, the world restored after each (see `startMatrixServer`).
 */
let matrix: MatrixServer;
let served: ServedOperation[];
const startedAt = performance.now();

beforeAll(async () => {
  matrix = await startMatrixServer();
  served = await servedOperations(matrix.url);
}, 180_000);
afterAll(async () => {
  const times = matrix?.restoreTimes ?? [];
  const total = times.reduce((a, b) => a + b, 0);
  console.log(
    `rest matrix: ${times.length} restores, ${Math.round(total)} ms in all ` +
      `(${Math.round(total / (times.length || 1))} ms each); file ${Math.round(performance.now() - startedAt)} ms`,
  );
  await matrix?.stop();
});

/** The HTTP status of an outcome: the error table's for a code, the document's success status for "ok". */
function statusOf(outcome: Outcome, operation?: RestOperation): number {
  if (outcome !== "ok") return errorCodes[outcome].http;
  if (!operation) return 200;
  return served.find((s) => s.key === operation.key)?.successStatus ?? Number.NaN;
}

const entryOf = (procedure: string): MatrixEntry => {
  const entry = authorizationMatrix[procedure];
  if (!entry) throw new Error(`no matrix row for ${procedure}`);
  return entry;
};

/**
 * The input as the operation carries it. No input on a body operation is an
 * empty object (what REST clients send). A REST query has no place for a bare
 * value, so a bad input that is not an object goes as an unexpected query
 * parameter (bodies take it whole: the route refuses non-object bodies).
 */
function restForm(input: unknown, operation: RestOperation): unknown {
  const inQuery = operation.method === "GET" || operation.method === "DELETE";
  if (input === undefined) return inQuery ? undefined : {};
  const isRecord = input !== null && typeof input === "object" && !Array.isArray(input);
  return isRecord || !inQuery ? input : { unexpected: input };
}

/**
 * Whether the input leaves a path parameter empty. Such a request does not
 * address the operation: `/hubs//restore` matches no route (404), and Next
 * redirects a trailing slash (`…/sla-policies/`) to the path without it,
 * which may be another operation that refuses the input (400).
 */
function emptyPathParameter(input: unknown, operation: RestOperation): boolean {
  const values = (input ?? {}) as Record<string, unknown>;
  return [...operation.template.matchAll(/\{(\w+)\}/g)].some(
    ([, name]) => values[name!] === undefined || values[name!] === "",
  );
}

const takesInput = (operation: RestOperation) =>
  served.find((s) => s.key === operation.key)?.takesInput ?? false;

/** Procedures declared with `.input(z.void())`: no input to send, over any transport. */
const voidInput = (operation: RestOperation) => {
  const inputs = procedures[operation.procedure]!._def.inputs;
  return inputs.at(-1)?._zod.def.type === "void";
};

/** `"<outcome> <status>"` per caller, so a wrong code and a wrong status both show in the diff. */
type Answers = Partial<Record<Role, string>>;

async function restAnswer(role: Role, operation: RestOperation, input: unknown): Promise<string> {
  const exchange = await callRest(
    { base: matrix.url, token: matrix.tokens.get(role) ?? null },
    operation.method,
    operation.template,
    input,
  );
  // Our error shape (code, message, fieldErrors, requestId), never a 5xx.
  expect(exchange.problem, `${role} ${exchange.method} ${exchange.url}`).toBeNull();
  return `${exchange.code ?? "ok"} ${exchange.status}`;
}

/** Calls that end sessions go last, in an order that keeps each caller's token valid until the final logout. */
const sessionEnding = [
  "auth.logoutAll",
  "users.requestDeletion",
  "users.cancelDeletion",
  "auth.logout",
];
const operations = declaredOperations().sort(
  (a, b) =>
    (sessionEnding.indexOf(a.procedure) + 1 || 0) - (sessionEnding.indexOf(b.procedure) + 1 || 0),
);
const subscriptions = Object.keys(procedures).filter(
  (path) => procedures[path]!._def.type === "subscription",
);

describe("the error table the statuses come from", () => {
  it("gives the statuses clients rely on", () => {
    expect(errorCodes.NOT_FOUND.http).toBe(404);
    expect(errorCodes.HUB_NOT_FOUND.http).toBe(404);
    expect(errorCodes.PERMISSION_DENIED.http).toBe(403);
    expect(errorCodes.SUPER_ADMIN_REQUIRED.http).toBe(403);
    expect(errorCodes.UNAUTHENTICATED.http).toBe(401);
    expect(errorCodes.INVALID_TOKEN.http).toBe(401);
    expect(errorCodes.VALIDATION_FAILED.http).toBe(400);
  });
});

describe("REST operations against the served OpenAPI document", () => {
  it("serves exactly the operations the procedures declare, each with one success status and a matrix row", () => {
    const declared = operations.map((o) => o.key).sort();
    expect(declared.length).toBeGreaterThan(0);
    // Both directions: nothing served without a matrix row, no declared row missing from the document.
    expect(served.map((s) => s.key).sort()).toEqual(declared);
    expect(served.filter((s) => !(s.successStatus >= 200 && s.successStatus < 300))).toEqual([]);
    expect(operations.filter((o) => !(o.procedure in authorizationMatrix))).toEqual([]);
    expect(subscriptions.filter((path) => !(path in authorizationMatrix))).toEqual([]);
  });
});

describe("subscriptions over /api/v1/sse/<procedure>: the same outcomes as over tRPC", () => {
  it("has subscriptions to check, each described by the served document", async () => {
    expect(subscriptions.length).toBeGreaterThan(0);
    expect((await servedStreams(matrix.url)).sort()).toEqual([...subscriptions].sort());
  });

  for (const procedure of subscriptions) {
    it(`${procedure}: every caller gets what the matrix says`, async () => {
      const entry = entryOf(procedure);
      const answers: Answers = {};
      const expected: Answers = {};
      for (const role of roles) {
        const answer = await callSse(matrix.url, matrix.tokens.get(role), procedure, entry.input);
        // A refusal before the stream has the table's status; a stream (data or failure frame) is 200.
        answers[role] = `${answer.outcome} ${answer.status}`;
        const outcome = entry.outcomes[role];
        expected[role] =
          answer.refusedBy === "frame" ? `${outcome} 200` : `${outcome} ${statusOf(outcome)}`;
        if (entry.restoreAfterEach && answer.outcome === "ok") await matrix.restore();
      }
      expect(answers).toEqual(expected);
    });
  }
});

describe("bad input over REST (as super admin): 400 VALIDATION_FAILED", () => {
  it("sends bad input to every operation that takes input; the others take none", () => {
    const withoutInput = operations.filter((o) => !takesInput(o)).map((o) => o.key);
    expect(withoutInput.length).toBeLessThan(operations.length);
    // The document describes no input exactly where the procedure takes none (z.void()).
    expect(withoutInput.sort()).toEqual(
      operations
        .filter(voidInput)
        .map((o) => o.key)
        .sort(),
    );
  });

  for (const operation of operations.filter((o) => !voidInput(o))) {
    it(`${operation.key} (${operation.procedure})`, async () => {
      const { badInput } = entryOf(operation.procedure);
      const answer = await restAnswer("superAdmin", operation, restForm(badInput, operation));
      if (emptyPathParameter(badInput, operation))
        // No route, or another operation's path (`/hubs/restore`: 405 for POST).
        expect(["NOT_FOUND 404", "METHOD_NOT_SUPPORTED 405", "VALIDATION_FAILED 400"]).toContain(
          answer,
        );
      else expect(answer).toBe("VALIDATION_FAILED 400");
    });
  }
});

/**
 * A write whose document declares no request body, as generated clients send
 * it: no body and no Content-Type (issue 15, item 1), by the first caller the
 * matrix lets through (else the first signed-in one), answered with exactly
 * the matrix's outcome: never 415, never a 400 about the body, always with a
 * request id.
 */
async function bodylessAnswer(token: string | undefined, operation: RestOperation, input: unknown) {
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  const path = operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const raw = rest[name];
    const value = typeof raw === "string" || typeof raw === "number" ? String(raw) : "";
    delete rest[name];
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(
    Object.entries(rest).map(([key, value]) => [key, String(value)] as [string, string]),
  );
  // Only DELETE carries input besides the path when there is no body.
  if (operation.method !== "DELETE") expect(query.size, operation.key).toBe(0);
  const response = await fetch(`${matrix.url}/api/v1${path}${query.size ? `?${query}` : ""}`, {
    method: operation.method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json().catch(() => ({}))) as { code?: string; requestId?: string };
  const requestId = response.headers.get("x-request-id");
  expect(requestId, operation.key).toBeTruthy();
  if (!response.ok) expect(body.requestId, operation.key).toBe(requestId);
  return `${response.ok ? "ok" : body.code} ${response.status}`;
}

/** The access token of a new account (a plain signed-in caller, like "member" outside hubs). */
async function freshMember(procedure: string): Promise<string> {
  const username = `bodyless-${sessionEnding.indexOf(procedure)}`;
  const password = "bodyless passphrase long";
  const json = { "content-type": "application/json" };
  const registered = await fetch(`${matrix.url}/api/v1/auth/register`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ username, email: `${username}@example.test`, password }),
  });
  expect(registered.status).toBe(200);
  const login = await fetch(`${matrix.url}/api/v1/auth/login`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ login: username, password }),
  });
  expect(login.status).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

describe("writes without a request body, sent with no body and no Content-Type", () => {
  it("answer every one exactly as the matrix says", async () => {
    const bodyless = operations.filter(
      (o) => o.method !== "GET" && !served.find((s) => s.key === o.key)?.declaresBody,
    );
    // claim, reopen, logout, join, archive, QR approve/deny, role grant, ...
    expect(bodyless.length).toBeGreaterThan(10);
    const answers: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const operation of bodyless) {
      const entry = entryOf(operation.procedure);
      const role = sessionEnding.includes(operation.procedure)
        ? "member"
        : (roles.find((r) => r !== "anonymous" && entry.outcomes[r] === "ok") ??
          roles.find((r) => r !== "anonymous")!);
      const outcome = entry.outcomes[role];
      expected[operation.key] = `${role}: ${outcome} ${statusOf(outcome, operation)}`;
      // A call that ends its session gets an account of its own, signed up for it.
      const ending = sessionEnding.includes(operation.procedure);
      const token = ending ? await freshMember(operation.procedure) : matrix.tokens.get(role);
      const answer = await bodylessAnswer(token, operation, entry.input);
      answers[operation.key] = `${role}: ${answer}`;
      if (answer.startsWith("ok ") && entry.restoreAfterEach) await matrix.restore();
    }
    expect(answers).toEqual(expected);
  }, 180_000);
});

describe("authorization matrix over REST: every caller, outcome and status", () => {
  for (const operation of operations) {
    it(`${operation.key} (${operation.procedure})`, async () => {
      const entry = entryOf(operation.procedure);
      const expected: Answers = Object.fromEntries(
        roles.map((role) => {
          const outcome = entry.outcomes[role];
          return [role, `${outcome} ${statusOf(outcome, operation)}`];
        }),
      );
      const answers: Answers = {};
      const input = restForm(entry.input, operation);
      if (entry.restoreAfterEach) {
        // One caller at a time; the world restored after each call that was let through.
        for (const role of roles) {
          const answer = await restAnswer(role, operation, input);
          answers[role] = answer;
          if (answer.startsWith("ok ")) await matrix.restore();
        }
      } else {
        const results = await Promise.all(
          roles.map(async (role) => [role, await restAnswer(role, operation, input)]),
        );
        Object.assign(answers, Object.fromEntries(results));
      }
      expect(answers).toEqual(expected);
    }, 120_000);
  }
});
