import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";

/** Two servers: the default (http) PUBLIC_URL, and one that says it is served over TLS. */
let plainDb: ServerDatabase;
let tlsDb: ServerDatabase;
let plain: RunningServer;
let tls: RunningServer;

beforeAll(async () => {
  [plainDb, tlsDb] = await Promise.all([createServerDatabase(), createServerDatabase()]);
  plain = await startServer({ ...plainDb.env, PUBLIC_URL: "http://guildhall.test" });
  tls = await startServer({ ...tlsDb.env, PUBLIC_URL: "https://guildhall.test" });
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
  await Promise.all([plainDb?.destroy(), tlsDb?.destroy()]);
});

const page = () => fetch(`${plain.url}/sign-in`);
const api = () => fetch(`${plain.url}/api/v1/health`);

function nonceOf(csp: string | null): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];
  if (!nonce) throw new Error(`no nonce in ${csp}`);
  return nonce;
}

const pagePolicy = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

describe("security headers", () => {
  it("pages send a nonce-based Content-Security-Policy without unsafe-inline scripts", async () => {
    const res = await page();
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy");
    expect(csp).toBe(pagePolicy(nonceOf(csp)));
  });

  it("a fresh nonce per request, on every script tag of the page", async () => {
    const [first, second] = await Promise.all([page(), page()]);
    const a = nonceOf(first.headers.get("content-security-policy"));
    const b = nonceOf(second.headers.get("content-security-policy"));
    expect(a).not.toBe(b);
    expect(a).toHaveLength(24);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${a}"`);
    await second.body?.cancel();
  });

  it("Swagger UI's page carries the nonce on its scripts and its style", async () => {
    const res = await fetch(`${plain.url}/api/docs`);
    const nonce = nonceOf(res.headers.get("content-security-policy"));
    expect(res.headers.get("content-security-policy")).toBe(pagePolicy(nonce));
    const html = await res.text();
    expect(html.match(/<(script|style)\b[^>]*>/g)).toEqual([
      `<style nonce="${nonce}">`,
      `<script nonce="${nonce}" src="/api/docs/assets/swagger-ui-bundle.js">`,
      `<script nonce="${nonce}" src="/api/docs/assets/init.js">`,
    ]);
  });

  it("API answers get a policy that loads nothing and cannot be framed", async () => {
    for (const path of ["/api/v1/health", "/api/health", "/api/openapi.json", "/api/v1/users/me"])
      expect((await fetch(`${plain.url}${path}`)).headers.get("content-security-policy")).toBe(
        apiPolicy,
      );
  });

  it("X-Frame-Options: DENY on pages and API answers", async () => {
    expect((await page()).headers.get("x-frame-options")).toBe("DENY");
    expect((await api()).headers.get("x-frame-options")).toBe("DENY");
  });

  it("Referrer-Policy: strict-origin-when-cross-origin on pages and API answers", async () => {
    expect((await page()).headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect((await api()).headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("X-Content-Type-Options: nosniff on pages, API answers and Next's assets", async () => {
    expect((await page()).headers.get("x-content-type-options")).toBe("nosniff");
    expect((await api()).headers.get("x-content-type-options")).toBe("nosniff");
    const html = await (await page()).text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${plain.url}${chunk}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("Permissions-Policy denies camera, microphone, geolocation and the like", async () => {
    const policy = (await page()).headers.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
      expect(policy.split(", ")).toContain(`${feature}=()`);
    expect((await api()).headers.get("permissions-policy")).toBe(policy);
  });

  it("Strict-Transport-Security only when PUBLIC_URL is https (and then insecure requests upgrade)", async () => {
    expect((await page()).headers.has("strict-transport-security")).toBe(false);
    expect((await api()).headers.has("strict-transport-security")).toBe(false);
    const secure = await fetch(`${tls.url}/sign-in`);
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const csp = secure.headers.get("content-security-policy");
    expect(csp).toBe(`${pagePolicy(nonceOf(csp))}; upgrade-insecure-requests`);
    expect((await fetch(`${tls.url}/api/v1/health`)).headers.get("strict-transport-security")).toBe(
      "max-age=31536000",
    );
  });
});

/** fetch refuses TRACE (a forbidden method of the Fetch standard), so raw Node requests. */
function raw(
  base: string,
  method: string,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { "accept-language": "de" } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("unsupported HTTP methods", () => {
  const paths: [path: string, allow: string][] = [
    ["/", "GET, HEAD, POST, OPTIONS"],
    ["/sign-in", "GET, HEAD, POST, OPTIONS"],
    ["/hub/demo/tickets", "GET, HEAD, POST, OPTIONS"],
    ["/api/v1/health", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
    ["/api/v1/sse/tickets.watch", "GET"],
    ["/api/trpc/system.health", "GET, HEAD, POST, OPTIONS"],
    ["/api/health", "GET, HEAD, OPTIONS"],
    ["/api/docs", "GET, HEAD, OPTIONS"],
    ["/api/openapi.json", "GET, HEAD, OPTIONS"],
    ["/api/files/avatars/x.png", "GET, HEAD, OPTIONS"],
    ["/api/auth/session", "GET, HEAD, POST, OPTIONS"],
  ];

  it("TRACE and methods no route answers (PROPFIND, DELETE on a page) get 405 with Allow everywhere, and nothing is logged", async () => {
    const logged = plain.output().length;
    for (const [path, allow] of paths)
      for (const method of ["TRACE", "PROPFIND", "DELETE"]) {
        if (method === "DELETE" && path.startsWith("/api/v1/")) continue; // REST has DELETE routes
        const res = await raw(plain.url, method, path);
        expect({ method, path, status: res.status, allow: res.headers.allow }).toEqual({
          method,
          path,
          status: 405,
          allow,
        });
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        if (path.startsWith("/api/"))
          expect(JSON.parse(res.body)).toEqual({
            code: "METHOD_NOT_SUPPORTED",
            message: "Diese Methode wird hier nicht unterstützt.",
            fieldErrors: {},
            requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          });
        else expect(res.body).toBe("Method Not Allowed\n");
      }
    expect(plain.output().slice(logged)).toBe("");
  });

  it("Node itself refuses method names it does not know (TRACK) with 400, before the app", async () => {
    expect((await raw(plain.url, "TRACK", "/")).status).toBe(400);
  });

  it("OPTIONS answers 204 with Allow (also `OPTIONS *`), HEAD answers without a body", async () => {
    const logged = plain.output().length;
    for (const path of ["/sign-in", "/api/health", "/api/v1/health", "*"]) {
      const res = await raw(plain.url, "OPTIONS", path);
      expect({ path, status: res.status }).toEqual({ path, status: 204 });
      expect(res.headers.allow).toMatch(/GET/);
    }
    for (const path of ["/sign-in", "/api/health"]) {
      const res = await raw(plain.url, "HEAD", path);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 200, body: "" });
    }
    expect(plain.output().slice(logged)).toBe("");
  });
});
