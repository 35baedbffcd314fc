import { createGuildhallClient, toGuildhallError } from "@guildhall/client";
import { getEnv } from "@guildhall/core/env";
import { createConnection } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServerDatabase,
  startServer,
  useServer,
  type ServerDatabase,
} from "./support/server";

const server = useServer();

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

async function redisAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 6379 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** 23 concurrent logins for one account from one address: the login bucket is 3 per 60 s. */
async function loginStorm(base: string, login: string) {
  const responses = await Promise.all(
    Array.from({ length: 23 }, () =>
      post(base, "/api/v1/auth/login", { login, password: "not the password" }),
    ),
  );
  return Promise.all(
    responses.map(async (res) => ({
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as Record<string, unknown>,
    })),
  );
}

describe("tokens over REST and tRPC", () => {
  it("registers, signs in, and uses the bearer token on both transports", async () => {
    const register = await post(server.url, "/api/v1/auth/register", {
      username: "httpuser",
      email: "http@example.test",
      password: "a long http passphrase",
    });
    expect(register.status).toBe(200);
    const login = await post(server.url, "/api/v1/auth/login", {
      login: "httpuser",
      password: "a long http passphrase",
    });
    const tokens = (await login.json()) as {
      accessToken: string;
      refreshToken: string;
      mfaRequired: boolean;
    };
    expect(tokens.mfaRequired).toBe(false);
    const auth = { authorization: `Bearer ${tokens.accessToken}` };
    const verify = await fetch(`${server.url}/api/v1/auth/verify`, { headers: auth });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ username: "httpuser", via: "access-token" });
    expect((await fetch(`${server.url}/api/v1/auth/verify`)).status).toBe(401);

    const client = createGuildhallClient({ url: server.url, token: tokens.accessToken });
    expect((await client.users.me.query()).username).toBe("httpuser");
    await client.auth.logout.mutate();
    const after = await client.users.me.query().catch(toGuildhallError);
    expect(after).toMatchObject({ code: "INVALID_TOKEN", httpStatus: 401 });
    expect((await fetch(`${server.url}/api/v1/auth/verify`, { headers: auth })).status).toBe(401);
  });

  it("answers rate-limit headers on every call", async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.headers.get("x-ratelimit-bucket")).toBe("global");
    expect(Number(res.headers.get("x-ratelimit-limit"))).toBe(300);
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeLessThan(300);
    expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(Number(res.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(0);
  });

  it("lets exactly the limit through a login storm and answers the rest 429 with Retry-After", async () => {
    const results = await loginStorm(server.url, "storm-memory");
    expect(results.filter((r) => r.status !== 429)).toHaveLength(3);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(20);
    expect(limited[0]!.body).toMatchObject({
      code: "RATE_LIMITED",
      retry_after: expect.any(Number),
      global: false,
    });
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("x-ratelimit-bucket")).toBe("login");
  });
});

describe("rate limits shared through Redis", () => {
  let database: ServerDatabase;

  let redis = false;
  beforeAll(async () => {
    redis = await redisAvailable();
    database = await createServerDatabase();
  });
  afterAll(() => database.destroy());

  it("lets exactly the limit of limit + 20 concurrent requests through, across two instances", async (context) => {
    // Under CI a missing Redis is a broken machine, not a reason to pass quietly.
    if (!redis && getEnv().CI) throw new Error("CI=true but no Redis on 127.0.0.1:6379");
    if (!redis) context.skip("no Redis on 127.0.0.1:6379");
    const env = { ...database.env, REDIS_URL: "redis://127.0.0.1:6379" };
    // Two app instances on one database would lock each other out on PGlite; Postgres only.
    const instances = database.env.DATABASE_URL ? 2 : 1;
    const servers = await Promise.all(Array.from({ length: instances }, () => startServer(env)));
    try {
      const login = `storm-redis-${Date.now()}`;
      const responses = await Promise.all(
        Array.from({ length: 23 }, (_, i) =>
          post(servers[i % servers.length]!.url, "/api/v1/auth/login", {
            login,
            password: "nope nope nope",
          }),
        ),
      );
      expect(responses.filter((r) => r.status !== 429)).toHaveLength(3);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(20);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });

  it("keeps limiting per instance while Redis is down", async () => {
    // Nothing listens on port 1: every Redis call fails and the in-memory insurance limiter answers.
    const down = await startServer({ ...database.env, REDIS_URL: "redis://127.0.0.1:1" });
    try {
      const results = await loginStorm(down.url, "storm-redis-down");
      expect(results).toHaveLength(23);
      expect(results.filter((r) => r.status !== 429)).toHaveLength(3);
      expect(results.filter((r) => r.status === 500)).toEqual([]);
    } finally {
      await down.stop();
    }
  });
});
