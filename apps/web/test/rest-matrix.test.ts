import { appRouter, type Meta } from "@guildhall/api";
import { createSession } from "@guildhall/core";
import { createDatabase } from "@guildhall/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationMatrix, type Outcome } from "../../../packages/api/test/authorization-matrix";
import { buildWorld, roles, type Role } from "../../../packages/api/test/support/world";
import {
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";

/**
 * The authorization matrix again, over REST (/api/v1), for every procedure
 * with an OpenAPI route: each kind of caller sends a bearer access token (or
 * none) and must get the outcome the matrix names, never a 500.
 *
 * The world is built in the server's database before the server starts (an
 * embedded database has one owner at a time), so calls that change it
 * (`restoreAfterEach` entries: archive, leave, create role) are checked only
 * for the callers who must be refused.
 */
interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

let database: ServerDatabase;
let server: RunningServer;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  database = await createServerDatabase();
  const handle = await createDatabase({
    url: database.env.DATABASE_URL,
    dataDir: database.env.PGLITE_DATA_DIR,
  });
  try {
    const world = await buildWorld(handle);
    for (const role of roles) {
      if (role === "anonymous") continue;
      const session = await handle.db.transaction((tx) =>
        createSession(tx, {
          userId: world.principals[role].userId,
          kind: "api",
          mfaVerified: false,
        }),
      );
      tokens.set(role, session.accessToken);
    }
  } finally {
    await handle.close();
  }
  server = await startServer({
    ...database.env,
    SUPER_ADMINS: "superadminuser",
    RATE_LIMIT_WHITELIST: "127.0.0.1",
  });
});
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
});

/** Fills `{param}` from the input; GET sends the rest as the query, others as a JSON body. */
function request(method: string, template: string, input: unknown) {
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  if (method === "GET" || method === "DELETE") {
    const query = new URLSearchParams(
      Object.entries(rest)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    const search = query.size ? `?${query}` : "";
    return { url: `/api/v1${path}${search}`, body: undefined };
  }
  return { url: `/api/v1${path}`, body: JSON.stringify(rest) };
}

async function callRest(
  role: Role,
  method: string,
  template: string,
  input: unknown,
): Promise<Outcome> {
  const { url, body } = request(method, template, input);
  const headers: Record<string, string> = {};
  const token = tokens.get(role);
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${server.url}${url}`, { method, headers, body });
  expect(response.status, `${role} ${method} ${url}`).toBeLessThan(500);
  if (response.ok) return "ok";
  const error = (await response.json()) as { code: Outcome };
  return error.code;
}

/**
 * Calls that end sessions go last, in an order that keeps each caller's token
 * valid until the final logout: logoutAll and requestDeletion keep the current
 * session and end the others.
 */
const sessionEnding = [
  "auth.logoutAll",
  "users.requestDeletion",
  "users.cancelDeletion",
  "auth.logout",
];
const restEntries = Object.entries(authorizationMatrix)
  .filter(([path]) => {
    const def = procedures[path]?._def;
    return def && def.type !== "subscription" && def.meta?.openapi?.path;
  })
  .sort(([a], [b]) => (sessionEnding.indexOf(a) + 1 || 0) - (sessionEnding.indexOf(b) + 1 || 0));

describe("authorization matrix over REST", () => {
  it("covers every REST route", () => {
    expect(restEntries.length).toBeGreaterThan(50);
  });

  for (const [path, entry] of restEntries) {
    it(`${path}: every caller gets what the matrix says`, async () => {
      const { method, path: template } = procedures[path]!._def.meta!.openapi!;
      const checked = roles.filter(
        (role) => !entry.restoreAfterEach || entry.outcomes[role] !== "ok",
      );
      const outcomes: Partial<Record<Role, Outcome>> = {};
      for (const role of checked)
        outcomes[role] = await callRest(role, method, template, entry.input);
      expect(outcomes).toEqual(
        Object.fromEntries(checked.map((role) => [role, entry.outcomes[role]])),
      );
    });
  }
});
