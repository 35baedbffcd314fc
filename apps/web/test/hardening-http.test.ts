import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession } from "./support/http-session";
import {
  ADMIN_PASSWORD,
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
  useServer,
} from "./support/server";

/**
 * Hostile input over HTTP (issue 13): forged client addresses, control
 * characters, numbers past their columns, empty updates, bad cursors,
 * dangling references, non-object bodies, encoded path parameters and
 * placeholders left in messages. Each case failed (a 500, or a forged value
 * believed) before the fixes.
 */

interface ErrorBody {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}

// A whitelisted address that a forged header must not be able to claim.
const server = useServer({ SUPER_ADMINS: "admin", RATE_LIMIT_WHITELIST: "10.1.1.1" });
let token: string;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> & ErrorBody }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function signIn(login: string, password: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ login, password }),
  });
  return { status: response.status, body: (await response.json()) as { accessToken?: string } };
}

beforeAll(async () => {
  // Signed in with a forged header that names the whitelisted address and markup.
  const login = await signIn("admin", ADMIN_PASSWORD, {
    "x-forwarded-for": "<img src=x onerror=alert(1)>, 10.1.1.1",
  });
  token = login.body.accessToken!;
});

describe("client addresses", () => {
  it("rotating X-Forwarded-For without a trusted proxy gives no extra password guesses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const attempt = await signIn("nobody-here", "wrong password", {
        "x-forwarded-for": `203.0.113.${i + 1}`,
      });
      statuses.push(attempt.status);
    }
    // 3 per minute per address and account: the address is the socket's, whatever the header.
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it("the dashboard's sign-in counts by the socket's address too", async () => {
    const browser = new HttpSession(server.url);
    const { csrfToken } = (await (await browser.fetch("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await browser.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": `198.51.100.${i + 1}`,
        },
        body: new URLSearchParams({ csrfToken, login: "dashboard-guess", password: "wrong one" }),
      });
      const location = new URL(response.headers.get("location") ?? "/", server.url);
      codes.push(location.searchParams.get("code") ?? "");
    }
    expect(codes).toEqual([
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "RATE_LIMITED",
    ]);
  });

  it("a forwarded header cannot claim a whitelisted address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const attempt = await signIn("somebody-else", "wrong password", {
        "x-forwarded-for": "x, 10.1.1.1",
      });
      statuses.push(attempt.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("sessions store the socket's address, never the header's text", async () => {
    const sessions = await call("GET", "/me/sessions");
    const ips = (sessions.body.items as Array<{ ip: string | null }>).map((s) => s.ip);
    expect(ips).toEqual(["127.0.0.1"]);
  });
});

describe("control characters and unpaired surrogates", () => {
  it("refuses NUL in the unauthenticated login with the field named", async () => {
    const saved = token;
    token = "";
    const result = await call("POST", "/auth/login", { login: "ad\u0000min", password: "x" });
    token = saved;
    expect(result.status).toBe(400);
    expect(result.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(result.body.fieldErrors)).toEqual(["login"]);
  });

  it("refuses them in query parameters, nested fields and keys", async () => {
    const query = await call("GET", "/hubs/demo/members?query=%00abc");
    expect(query.status).toBe(400);
    expect(query.body.fieldErrors.query).toHaveLength(1);
    const surrogate = await call("PATCH", "/me", { displayName: "a\uD800b" });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.fieldErrors.displayName).toHaveLength(1);
    const nested = await call("PUT", "/hubs/demo/config/tickets", {
      data: { categories: ["ok", "bell\u0007"] },
    });
    expect(nested.status).toBe(400);
    expect(Object.keys(nested.body.fieldErrors)).toEqual(["data.categories.1"]);
  });

  it("keeps tabs and line breaks, which text is allowed to have", async () => {
    const result = await call("PATCH", "/me", { bio: "line one\nline two\tindented\r\n" });
    expect(result.status).toBe(200);
  });
});

describe("numbers, cursors and empty updates", () => {
  it("bounds integers in query and path parameters to what the column holds", async () => {
    const before = await call("GET", "/hubs/demo/config/tickets/versions?before=2147483648");
    expect(before.status).toBe(400);
    expect(Object.keys(before.body.fieldErrors)).toEqual(["before"]);
    const version = await call(
      "POST",
      "/hubs/demo/config/tickets/versions/99999999999/restore",
      {},
    );
    expect(version.status).toBe(400);
    expect(Object.keys(version.body.fieldErrors)).toEqual(["version"]);
  });

  it("answers an update that names nothing to change with 400, by one rule", async () => {
    for (const path of ["/me", "/hubs/demo/settings"]) {
      const result = await call("PATCH", path, {});
      expect(result.status).toBe(400);
      expect(result.body.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(result.body.fieldErrors)).toEqual(["_"]);
    }
  });

  it("validates a chat cursor's id part as a UUID", async () => {
    const result = await call("GET", `/me/chats?cursor=1_${"-".repeat(36)}`);
    expect(result.status).toBe(400);
    expect(Object.keys(result.body.fieldErrors)).toEqual(["cursor"]);
  });

  it("answers an invite for an unknown user with USER_NOT_FOUND and writes nothing", async () => {
    const count = async () =>
      ((await call("GET", "/hubs/demo/invites")).body.items as unknown[]).length;
    const before = await count();
    const result = await call("POST", "/hubs/demo/invites", {
      targetUserId: "01890a5d-ac96-774b-bcce-b302099a8057",
    });
    expect(result.status).toBe(404);
    expect(result.body.code).toBe("USER_NOT_FOUND");
    expect(Object.keys(result.body.fieldErrors)).toEqual(["targetUserId"]);
    expect(await count()).toBe(before);
  });
});

describe("request bodies and content types", () => {
  it("refuses bodies that are not JSON objects, and changes nothing", async () => {
    const invites = async () =>
      ((await call("GET", "/hubs/demo/invites")).body.items as unknown[]).length;
    const before = await invites();
    for (const body of ["[null,null]", "null", "42", '"text"', "[]"]) {
      const result = await call("POST", "/hubs/demo/invites", body);
      expect(result.status, body).toBe(400);
      expect(result.body.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(result.body.fieldErrors)).toEqual(["_"]);
    }
    expect(await invites()).toBe(before);
    const site = await call("POST", "/hubs/demo/sites", { name: "Body site" });
    expect(site.status).toBe(200);
    const patch = await call("PATCH", `/hubs/demo/sites/${String(site.body.id)}`, "[null]");
    expect(patch.status).toBe(400);
    expect((await call("GET", `/hubs/demo/sites/${String(site.body.id)}`)).body.name).toBe(
      "Body site",
    );
  });

  it("answers a body that is not JSON with 415 on REST and tRPC, never INTERNAL", async () => {
    const rest = await call("POST", "/auth/login", '{"login":"a","password":"b"}', {
      "content-type": "text/plain",
    });
    expect(rest.status).toBe(415);
    expect(rest.body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const trpc = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ json: { login: "a", password: "b" } }),
    });
    expect(trpc.status).toBe(415);
    const body = (await trpc.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("treats a cookie write with Origin: null as cross-site (401), not a crash", async () => {
    const browser = new HttpSession(server.url);
    expect(await browser.signIn("admin", ADMIN_PASSWORD)).toBe(302);
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(`${server.url}/api/trpc/users.updateMe`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: "null" },
      body: JSON.stringify({ json: { bio: "from nowhere" } }),
    });
    expect(response.status).toBe(401);
  });
});

describe("path parameters", () => {
  it("are percent-decoded once: spaces, non-ASCII and reserved characters", async () => {
    const categories = ["Bug report", "Über größe", "a&b?c#d/e", "100%"];
    const config = await call("PUT", "/hubs/demo/config/tickets", { data: { categories } });
    expect(config.status).toBe(200);
    for (const category of categories) {
      const result = await call(
        "PUT",
        `/hubs/demo/tickets/sla-policies/${encodeURIComponent(category)}`,
        { firstResponseMinutes: 30, resolutionMinutes: 600 },
      );
      expect(result.status, category).toBe(200);
    }
    const list = await call("GET", "/hubs/demo/tickets/sla-policies");
    const names = (list.body.items as Array<{ category: string }>).map((p) => p.category).sort();
    expect(names).toEqual([...categories].sort());
    const hub = await call("GET", "/hubs/%64emo");
    expect(hub.status).toBe(200);
    expect(hub.body.slug).toBe("demo");
  });

  it("refuse a malformed percent-encoding with 400 in our shape", async () => {
    for (const path of ["/hubs/%E0%A4%A/settings", "/hubs/%ED%A0%80/config", "/hubs/%FF"]) {
      const result = await call("GET", path);
      expect(result.status, path).toBe(400);
      expect(result.body.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(result.body.fieldErrors)).toEqual(["path"]);
    }
  });
});

describe("query parameters", () => {
  it("named like Object.prototype properties are refused, named, not a crash", async () => {
    for (const name of ["toString", "hasOwnProperty", "valueOf"]) {
      const result = await call("GET", `/hubs/demo/members?${name}=x`);
      expect(result.status, name).toBe(400);
      expect(Object.keys(result.body.fieldErrors)).toEqual([name]);
    }
    // Keys the tRPC transport cannot carry in an error (superjson) are faults of the whole request.
    const result = await call("GET", "/hubs/demo/members?constructor=x");
    expect(result.status).toBe(400);
    expect(Object.keys(result.body.fieldErrors)).toEqual(["_"]);
  });
});

describe("messages", () => {
  it("fill every placeholder, in the message and in the field errors", async () => {
    const taken = await call("POST", "/hubs", { slug: "demo", name: "Second demo" });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("HUB_SLUG_TAKEN");
    expect(taken.body.message).toContain("demo");
    const texts = [taken.body.message, ...Object.values(taken.body.fieldErrors).flat()];
    expect(texts.filter((text) => /\{\w+\}/.test(text))).toEqual([]);
  });

  it("word counts in the caller's language, with Russian plural forms (issue 15)", async () => {
    const russian = { "accept-language": "ru" };
    const hub = await call("POST", "/hubs", { slug: "ab", name: "Хаб" }, russian);
    expect(hub.status).toBe(400);
    expect(hub.body.code).toBe("VALIDATION_FAILED");
    expect(hub.body.message).toBe("Некоторые поля заполнены неверно.");
    expect(hub.body.fieldErrors).toEqual({ slug: ["Не менее 3 символов."] });

    const role = await call("POST", "/hubs/demo/roles", { name: " ", permissions: [] }, russian);
    expect(role.status).toBe(400);
    expect(role.body.fieldErrors.name).toEqual(["Не менее 1 символа."]);

    const english = await call(
      "POST",
      "/hubs",
      { slug: "ab", name: "x" },
      { "accept-language": "en" },
    );
    expect(english.body.fieldErrors).toEqual({
      slug: ["Must be at least 3 characters."],
      name: ["Must be at least 2 characters."],
    });
  });
});

describe("behind a trusted proxy", () => {
  let proxied: RunningServer;
  let proxiedDb: ServerDatabase;
  beforeAll(async () => {
    proxiedDb = await createServerDatabase();
    proxied = await startServer({ ...proxiedDb.env, TRUSTED_PROXIES: "127.0.0.1/32" });
  });
  afterAll(async () => {
    await proxied?.stop();
    await proxiedDb?.destroy();
  });

  async function sessionIp(forwardedFor: string): Promise<string | null> {
    const login = await fetch(`${proxied.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ login: "admin", password: ADMIN_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const sessions = await fetch(`${proxied.url}/api/v1/me/sessions`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { items } = (await sessions.json()) as {
      items: Array<{ ip: string | null; current: boolean }>;
    };
    return items.find((s) => s.current)?.ip ?? null;
  }

  it("takes the address the proxy appended, one hop per trusted proxy", async () => {
    expect(await sessionIp("198.51.100.7")).toBe("198.51.100.7");
    // The client wrote the first entry itself; only the proxy's own entry is believed.
    expect(await sessionIp("192.0.2.1, 198.51.100.8")).toBe("198.51.100.8");
    expect(await sessionIp("::ffff:198.51.100.9")).toBe("198.51.100.9");
  });

  it("never stores what is not an IP address", async () => {
    expect(await sessionIp("<img src=x onerror=alert(1)>")).toBe("127.0.0.1");
  });
});
