import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, useServer } from "./support/server";

/**
 * The contract around every request (issue 15, items 2 and 3): every REST,
 * tRPC and SSE answer carries `x-request-id` and X-RateLimit-*, failures
 * before any procedure too (with the same `requestId` in the body), and
 * they count in the caller's global bucket; a malformed sign-in or
 * registration costs no sign-in budget.
 */
const server = useServer({ LOG_LEVEL: "warn" });
const tiny = useServer({ RATE_LIMIT_GLOBAL: "4/600", LOG_LEVEL: "warn" });

const json = { "content-type": "application/json" };

interface Answer {
  status: number;
  headers: Headers;
  requestId: unknown;
  code: unknown;
}

/** Sends one request and reads the request id and code from a REST or a tRPC error body. */
async function send(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, init);
  const body = (await response.json().catch(() => ({}))) as Record<string, never>;
  // tRPC: { error: { json: { data: { code, requestId } } } }; REST: { code, requestId }.
  const data = (body.error as { json?: { data?: Record<string, unknown> } } | undefined)?.json
    ?.data;
  const shape: Record<string, unknown> = data ?? body;
  return {
    status: response.status,
    headers: response.headers,
    requestId: shape.requestId,
    code: shape.code,
  };
}

/** Failures no procedure answers, each `[name, path, init, status, code]`. */
const failures: [string, string, RequestInit, number, string][] = [
  [
    "malformed JSON",
    "/api/v1/auth/login",
    { method: "POST", headers: json, body: "{" },
    400,
    "BAD_REQUEST",
  ],
  ["unknown /api/v1 path", "/api/v1/no/such/thing", {}, 404, "NOT_FOUND"],
  ["wrong method", "/api/v1/auth/login", { method: "GET" }, 405, "METHOD_NOT_SUPPORTED"],
  [
    "unsupported media type",
    "/api/v1/auth/login",
    { method: "POST", headers: { "content-type": "text/plain" }, body: "login=a" },
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  ],
  [
    "body too large",
    "/api/v1/auth/login",
    { method: "POST", headers: json, body: `{"login":"${"x".repeat(1024 * 1024 + 10)}"}` },
    413,
    "PAYLOAD_TOO_LARGE",
  ],
  [
    "tRPC: unsupported media type",
    "/api/trpc/auth.login",
    { method: "POST", headers: { "content-type": "text/plain" }, body: "x" },
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  ],
  ["tRPC: unknown procedure", "/api/trpc/no.such", {}, 404, "NOT_FOUND"],
  [
    // The dashboard's sign-in steps (the API's browser router) are for the web server only.
    "tRPC: a browser sign-in step",
    "/api/trpc/browser.signIn",
    { method: "POST", headers: json, body: '{"login":"admin","password":"x"}' },
    404,
    "NOT_FOUND",
  ],
  ["SSE: unknown subscription", "/api/v1/sse/no.such", {}, 404, "NOT_FOUND"],
  [
    "SSE: wrong method (the server guard)",
    "/api/v1/sse/system.watchHealth",
    { method: "POST" },
    405,
    "METHOD_NOT_SUPPORTED",
  ],
  [
    "tRPC: wrong method (the server guard)",
    "/api/trpc/system.health",
    { method: "PUT" },
    405,
    "METHOD_NOT_SUPPORTED",
  ],
];

describe("failures before any procedure", () => {
  it("carry x-request-id, the same requestId in the body, and X-RateLimit-* of the global bucket, each costing a point", async () => {
    const remaining: number[] = [];
    for (const [name, path, init, status, code] of failures) {
      const answer = await send(server.url, path, init);
      expect({ name, status: answer.status, code: answer.code }).toEqual({ name, status, code });
      const id = answer.headers.get("x-request-id");
      expect(id, name).toMatch(/^[\w.-]+$/);
      expect(answer.requestId, name).toBe(id);
      expect(answer.headers.get("x-ratelimit-bucket"), name).toBe("global");
      expect(answer.headers.get("x-ratelimit-limit"), name).toBe("300");
      remaining.push(Number(answer.headers.get("x-ratelimit-remaining")));
    }
    // One point each, in order (nothing else runs from this address meanwhile).
    expect(remaining.length).toBe(failures.length);
    remaining.forEach((value, i) => expect(value).toBe(remaining[0]! - i));
  });

  it("a wrong method names the methods the path answers", async () => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("keeps a sane incoming x-request-id and replaces one that is not", async () => {
    const kept = await send(server.url, "/api/v1/no/such", {
      headers: { "x-request-id": "abc-1.2_3" },
    });
    expect(kept.headers.get("x-request-id")).toBe("abc-1.2_3");
    expect(kept.requestId).toBe("abc-1.2_3");
    const replaced = await send(server.url, "/api/v1/no/such", {
      headers: { "x-request-id": "bad id <script>" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.requestId).toBe(replaced.headers.get("x-request-id"));
  });

  it("end in 429 RATE_LIMITED once the global bucket is spent", async () => {
    const statuses: number[] = [];
    for (const [, path, init] of [...failures.slice(0, 4), ...failures.slice(0, 2)]) {
      const answer = await send(tiny.url, path, init);
      statuses.push(answer.status);
      expect(answer.requestId).toBe(answer.headers.get("x-request-id"));
      expect(answer.headers.get("x-ratelimit-bucket")).toBe("global");
      if (answer.status === 429) {
        expect(answer.code).toBe("RATE_LIMITED");
        expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
      }
    }
    expect(statuses).toEqual([400, 404, 405, 415, 429, 429]);
    // tRPC, SSE and server-guard refusals of the same caller are refused too.
    for (const [name, path, init] of failures.slice(5)) {
      const answer = await send(tiny.url, path, init);
      expect({ name, status: answer.status, code: answer.code }).toEqual({
        name,
        status: 429,
        code: "RATE_LIMITED",
      });
      expect(answer.requestId, name).toBe(answer.headers.get("x-request-id"));
    }
  });
});

describe("answers of procedures", () => {
  it("an SSE stream's 200 carries x-request-id and X-RateLimit-*", async () => {
    const stop = new AbortController();
    const response = await fetch(`${server.url}/api/v1/sse/system.watchHealth`, {
      signal: stop.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-request-id")).toMatch(/^[\w.-]+$/);
    expect(response.headers.get("x-ratelimit-bucket")).toBe("global");
    expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    stop.abort();
  });

  it("tRPC and REST answers carry the same headers", async () => {
    for (const path of ["/api/trpc/system.health", "/api/v1/health"]) {
      const answer = await fetch(`${server.url}${path}`);
      expect(answer.headers.get("x-request-id"), path).toMatch(/^[\w.-]+$/);
      expect(answer.headers.get("x-ratelimit-bucket"), path).toBe("global");
    }
  });
});

describe("validation before the sign-in and registration quotas", () => {
  const login = (body: unknown) =>
    send(server.url, "/api/v1/auth/login", {
      method: "POST",
      headers: json,
      body: JSON.stringify(body),
    });

  it("malformed sign-ins of an account do not spend its sign-in budget (3 a minute)", async () => {
    for (const body of [
      { login: "admin" },
      { login: "admin", password: "" },
      { login: "admin", password: 5 },
      { login: "admin", password: "x".repeat(2000) },
      {},
    ]) {
      const answer = await login(body);
      expect(answer.status).toBe(400);
      expect(answer.code).toBe("VALIDATION_FAILED");
      // Counted in the global bucket only.
      expect(answer.headers.get("x-ratelimit-bucket")).toBe("global");
    }
    const valid = await login({ login: "admin", password: ADMIN_PASSWORD });
    expect(valid.status).toBe(200);
    expect(valid.headers.get("x-ratelimit-bucket")).toBe("login");
    expect(valid.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("malformed registrations do not spend the address's registration budget (10 a minute)", async () => {
    const register = (body: unknown) =>
      send(server.url, "/api/v1/auth/register", {
        method: "POST",
        headers: json,
        body: JSON.stringify(body),
      });
    for (let i = 0; i < 11; i++) {
      const answer = await register({
        username: `contract${i}`,
        email: "not an address",
        password: "long enough passphrase",
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get("x-ratelimit-bucket")).toBe("global");
    }
    const valid = await register({
      username: "contractok",
      email: "contractok@example.test",
      password: "long enough passphrase",
    });
    expect(valid.status).toBe(200);
    expect(valid.headers.get("x-ratelimit-bucket")).toBe("register");
    expect(valid.headers.get("x-ratelimit-remaining")).toBe("9");
  });
});
