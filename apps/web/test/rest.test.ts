import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { signUpOverRest } from "./support/http-session";
import { useServer } from "./support/server";

const server = useServer();

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

describe("REST (OpenAPI adapter)", () => {
  it("serves procedures as plain JSON", async () => {
    const res = await get("/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(await res.json()).toMatchObject({ status: "ok", database: { ok: true } });
    const hub = await get("/api/v1/hubs/demo");
    expect(await hub.json()).toMatchObject({ slug: "demo", name: "Demo Hub" });
  });

  it("answers bad input with a stable code, the field and a translated message", async () => {
    const res = await get("/api/v1/hubs/a!b", { "accept-language": "zh-TW,zh;q=0.9" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      code: "VALIDATION_FAILED",
      message: "部分欄位無效。",
      fieldErrors: { hubSlug: ["包含此處不允許的字元。"] },
      requestId: expect.any(String),
    });
    const audit = await get("/api/v1/hubs/demo/audit?limit=abc", { "accept-language": "de" });
    expect(audit.status).toBe(401); // signing in comes before validating filters
  });

  it("takes JSON body values as they are: a string is no boolean, over REST and afterwards over tRPC", async () => {
    const token = await signUpOverRest(server.url, "coercion", "coercion passphrase long");
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    // "false" used to arrive as true (the adapter coerced body values and the procedure's own
    // schema with them, for every later call): it would have ended the caller's own session.
    for (const keepCurrent of ["false", "yes", 1]) {
      const rest = await post("/api/v1/auth/logout-all", { keepCurrent });
      expect(rest.status, String(keepCurrent)).toBe(400);
      expect(await rest.json()).toMatchObject({
        code: "VALIDATION_FAILED",
        fieldErrors: { keepCurrent: [expect.any(String)] },
      });
    }
    const trpc = await post("/api/trpc/auth.logoutAll", { json: { keepCurrent: "yes" } });
    expect(trpc.status).toBe(400);
    const kept = await post("/api/v1/auth/logout-all", { keepCurrent: true });
    expect(kept.status).toBe(200);
    expect((await get("/api/v1/me", { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it("uses the error table for statuses and never leaks stack traces", async () => {
    const unauth = await get("/api/v1/me/hubs", { "accept-language": "de" });
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Bitte melde dich zuerst an.",
    });
    const missing = await get("/api/v1/hubs/nowhere");
    expect(missing.status).toBe(404);
    const missingText = await missing.text();
    expect(JSON.parse(missingText)).toMatchObject({ code: "HUB_NOT_FOUND" });
    expect(missingText).not.toMatch(/stack|at .*\.ts/);
    const noRoute = await get("/api/v1/no/such/route");
    expect(noRoute.status).toBe(404);
    expect(await noRoute.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("publishes a valid OpenAPI 3 document generated from the routers", async () => {
    const res = await get("/api/openapi.json");
    expect(res.status).toBe(200);
    const document = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      servers: { url: string }[];
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\./);
    // Public operations need no token; the others declare the bearer scheme.
    const security = (path: string) =>
      (document.paths[path] as { get: { security?: unknown[] } }).get.security ?? [];
    expect(security("/health")).toEqual([]);
    expect(security("/me/hubs")).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/hubs/{hubSlug}",
        "/hubs/{hubSlug}/audit",
        "/me/hubs",
        "/auth/login",
        "/auth/verify",
        "/me/tokens",
      ]),
    );
    expect(document.servers[0]?.url).toBe(`${server.url}/api/v1`);
    // Error responses are documented with the body REST clients really get.
    const errorBody = document.components.schemas.Error;
    expect(Object.keys(errorBody?.properties ?? {}).sort()).toEqual([
      "code",
      "fieldErrors",
      "message",
      "requestId",
    ]);
  });

  it("shows a browsable reference at /api/docs with its assets served locally", async () => {
    const page = await get("/api/docs");
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("swagger-ui-bundle.js");
    for (const asset of ["swagger-ui-bundle.js", "swagger-ui.css", "init.js"]) {
      const res = await get(`/api/docs/assets/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.text()).length, asset).toBeGreaterThan(10);
    }
    expect((await get("/api/docs/assets/../../etc/passwd")).status).toBe(404);
  });

  it("has a plain health route for load balancers", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
});

describe("plain Server-Sent Events", () => {
  it("streams a subscription to any HTTP client, with ids for resuming", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { intervalSeconds: 1 } }));
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/trpc/system.watchHealth?input=${input}`, {
      headers: { accept: "text/event-stream", "last-event-id": "5" },
      signal: controller.signal,
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while ((text.match(/^id: /gm) ?? []).length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const ids = [...text.matchAll(/^id: (.+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(["6", "7"]);
    const data = [...text.matchAll(/^data: (.+)$/gm)].map(
      (m) => JSON.parse(m[1]!) as { json: { status: string } },
    );
    expect(data.filter((d) => d.json?.status === "ok").length).toBeGreaterThanOrEqual(2);
  });
});
