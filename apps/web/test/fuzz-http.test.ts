import { appRouter, type Meta } from "@guildhall/api";
import { getEnv } from "@guildhall/core/env";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { authorizationMatrix } from "../../../packages/api/test/authorization-matrix";
import { callRest, callSse, callTrpc, type Caller, type Exchange } from "./fuzz/calls";
import { hostileInput, mutate, mutation } from "./fuzz/hostile";
import { acceptedBy } from "./fuzz/schema-check";
import { buildFuzzWorld, MEMBER_PASSWORD, type FuzzWorld } from "./fuzz/world";
import { arbitraryFor } from "./fuzz/zod-arbitrary";
import {
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";
import { servedOperations } from "./support/openapi-operations";

/**
 * A fuzz test derived from every procedure's zod input: valid inputs (so
 * handlers run), valid inputs with one hostile change (NUL, lone surrogates,
 * 1 MB strings, bidi marks, boundary numbers, wrong JSON types, extra keys)
 * and wholly wrong inputs, sent over tRPC, REST and SSE against the production server,
 * as anonymous and as a signed-in member of hub "alpha". No answer may be a
 * 5xx or INTERNAL, errors have our shape, and whatever is accepted satisfies
 * the procedure's schema.
 *
 * Seeded: FUZZ_SEED (default below) and FUZZ_RUNS (cases per procedure and
 * transport). Each target's seed is derived from FUZZ_SEED and its name, so a
 * failure printed with its seed reproduces on its own.
 */
type Schema = z.core.$ZodType;
interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta; inputs: Schema[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const { FUZZ_SEED: seed, FUZZ_RUNS: runs } = getEnv();

let database: ServerDatabase;
let server: RunningServer;
let world: FuzzWorld;
let member: Caller;
let anonymous: Caller;
/** Set after an accepted call that may have ended the member's session. */
let sessionAtRisk = false;

beforeAll(async () => {
  database = await createServerDatabase();
  world = await buildFuzzWorld(database);
  server = await startServer({
    ...database.env,
    SUPER_ADMINS: "superadminuser",
    RATE_LIMIT_WHITELIST: "127.0.0.1",
    LOG_LEVEL: "warn",
  });
  member = { base: server.url, token: world.memberToken };
  anonymous = { base: server.url, token: null };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
});

/** Signs the member in again when a fuzzed call (logout, deletion) ended the session. */
async function memberCaller(): Promise<Caller> {
  if (!sessionAtRisk) return member;
  sessionAtRisk = false;
  const me = await fetch(`${server.url}/api/trpc/users.me`, {
    headers: { authorization: `Bearer ${member.token}` },
  });
  await me.body?.cancel();
  if (me.status !== 401) return member;
  const login = await callTrpcJson("auth.login", {
    login: world.memberUsername,
    password: MEMBER_PASSWORD,
  });
  const token = (login as { accessToken?: string }).accessToken;
  if (!token) throw new Error(`member could not sign in again: ${JSON.stringify(login)}`);
  member = { base: server.url, token };
  return member;
}

async function callTrpcJson(path: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  return body.result?.data?.json ?? body;
}

/** The procedure's input schema (one `.input()` in this code base), or none. */
function inputSchema(path: string): Schema | undefined {
  const inputs = procedures[path]!._def.inputs;
  return inputs.length ? inputs[inputs.length - 1] : undefined;
}

/** Valid, mutated-valid, the matrix's known-good input, and wholly wrong inputs. */
function inputArbitrary(path: string): fc.Arbitrary<unknown> {
  const schema = inputSchema(path);
  const valid = schema ? arbitraryFor(schema, world.hints) : fc.constant(undefined);
  const known = authorizationMatrix[path]?.input;
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: fc.tuple(valid, mutation).map(([v, m]) => mutate(v, m)), weight: 4 },
    { arbitrary: fc.constant(known), weight: 1 },
    { arbitrary: hostileInput, weight: 2 },
  );
}

/** Calls that end the member's session or membership: fuzzed last. */
const endsSession = new Set([
  "auth.logout",
  "auth.logoutAll",
  "auth.sessions.revoke",
  "users.requestDeletion",
  "tokens.revokeAll",
  "hubs.leave",
]);
const atRisk = (path: string) =>
  endsSession.has(path) || /^(auth|users|mfa|tokens|identities|hubs)\./.test(path);

interface Target {
  name: string;
  path: string;
  send: (caller: Caller, input: unknown) => Promise<Exchange>;
  /** Whether the schema check reads REST's coercion of strings. */
  rest: boolean;
}

/** tRPC (or SSE) for every procedure, REST for every one with an OpenAPI route. */
function targets(): Target[] {
  const list: Target[] = [];
  for (const [path, def] of Object.entries(procedures)) {
    const { type, meta } = def._def;
    if (type === "subscription")
      list.push({ name: `sse ${path}`, path, rest: false, send: (c, i) => callSse(c, path, i) });
    else
      list.push({
        name: `trpc ${path}`,
        path,
        rest: false,
        send: (c, i) => callTrpc(c, path, type, i),
      });
    const openapi = meta?.openapi;
    if (openapi && type !== "subscription")
      list.push({
        name: `rest ${openapi.method} ${openapi.path}`,
        path,
        rest: true,
        send: (c, i) => callRest(c, openapi.method, openapi.path, i),
      });
  }
  return list;
}

/** A stable 32-bit seed per target, from FUZZ_SEED and the target's name. */
function seedFor(name: string): number {
  let hash = seed | 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

function describeFailure(target: Target, exchange: Exchange, problem: string): string {
  const { requestId, body } = exchange;
  const logLines = requestId
    ? server
        .output()
        .split("\n")
        .filter((line) => line.includes(requestId))
        .map((line) => `log: ${clip(line, 600)}`)
    : [];
  return [
    `${target.name}: ${problem}`,
    `${exchange.method} ${clip(exchange.url, 300)} → ${exchange.status} ${exchange.code ?? ""}`,
    body === undefined ? null : `body: ${clip(body, 300)}`,
    ...logLines,
  ]
    .filter(Boolean)
    .join("\n");
}

/** fast-check's verdict with long strings cut (a 1 MB counterexample would flood the log). */
function report(target: Target, details: fc.RunDetails<[boolean, unknown]>): string {
  const [asMember, input] = details.counterexample ?? [false, undefined];
  const shown = JSON.stringify(input, (_key, value: unknown) =>
    typeof value === "string" ? clip(value, 120) : value,
  );
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : "";
  return [
    `${target.name} failed after ${details.numRuns} cases (${details.numShrinks} shrinks)`,
    `counterexample (${asMember ? "member" : "anonymous"}): ${shown}`,
    cause,
    `Reproduce: FUZZ_SEED=${seed} (target seed ${details.seed}, path "${details.counterexamplePath}")`,
  ].join("\n");
}

const list = targets();
const counts = new Map<string, number>();
/** Procedures reached over two transports split their cases between them. */
const transports = new Map<string, number>();
for (const t of list) transports.set(t.path, (transports.get(t.path) ?? 0) + 1);

/** A failure, with what tells its kind apart from others of the same target. */
class Finding extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** The kind of a failure: the problem, status, code and the server's error message, digits masked. */
function findingOf(target: Target, exchange: Exchange, problem: string): Finding {
  const message = describeFailure(target, exchange, problem);
  const logged = /"message":"(.{0,60})/.exec(message)?.[1] ?? "";
  const kind = `${problem} ${exchange.status} ${exchange.code ?? ""} ${logged.replace(/\d+/g, "#")}`;
  return new Finding(kind, message);
}

/**
 * Runs a target's cases; after a failure (shrunk by fast-check), goes on with
 * the remaining cases from the next seed, ignoring kinds already found, so
 * one kind of failure does not hide the others. Fails with every kind found.
 */
async function fuzz(target: Target): Promise<void> {
  const schema = inputSchema(target.path);
  const found = new Map<string, string>();
  const property = fc.asyncProperty(
    fc.boolean(),
    inputArbitrary(target.path),
    async (asMember, input) => {
      const caller = asMember ? await memberCaller() : anonymous;
      const exchange = await target.send(caller, input);
      counts.set(target.name, (counts.get(target.name) ?? 0) + 1);
      if (asMember && exchange.status < 300 && atRisk(target.path)) sessionAtRisk = true;
      let finding: Finding | null = null;
      if (exchange.problem) finding = findingOf(target, exchange, exchange.problem);
      else if (
        exchange.status < 300 &&
        schema &&
        !exchange.routeChanged &&
        !acceptedBy(schema, exchange.received, target.rest)
      )
        finding = findingOf(target, exchange, "accepted an input its schema refuses");
      if (finding && !found.has(finding.kind)) throw finding;
    },
  );
  let remaining = Math.ceil(runs / transports.get(target.path)!);
  for (let attempt = 0; remaining > 0 && attempt < 8; attempt++) {
    const targetSeed = seedFor(target.name) + attempt;
    const details = await fc.check(property, { seed: targetSeed, numRuns: remaining });
    if (!details.failed) break;
    const kind = details.errorInstance instanceof Finding ? details.errorInstance.kind : "error";
    found.set(kind, report(target, details));
    remaining -= details.numRuns;
  }
  if (found.size) expect.fail([...found.values()].join("\n\n"));
}

const title = (t: Target) =>
  `${t.name}: no 5xx, no INTERNAL, nothing accepted that the schema refuses`;

describe("fuzzing every procedure over HTTP", () => {
  afterAll(() => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`fuzz: FUZZ_SEED=${seed}, ${counts.size} targets, ${total} requests`);
  });

  it("covers every procedure and every operation of the served OpenAPI document", async () => {
    const served = (await servedOperations(server.url)).map(({ key }) => `rest ${key}`);
    const restTargets = list.filter((t) => t.rest).map((t) => t.name);
    expect(restTargets.sort()).toEqual(served.sort());
    const covered = new Set(list.map((t) => t.path));
    expect(Object.keys(procedures).filter((p) => !covered.has(p))).toEqual([]);
  });

  // A few targets at a time keep both cores busy; each target's cases stay in order.
  describe.concurrent("every procedure", () => {
    for (const target of list.filter((t) => !endsSession.has(t.path)))
      it(title(target), () => fuzz(target), 600_000);
  });

  // Calls that end the member's session or membership, one after another, last.
  describe.sequential("procedures that end sessions", () => {
    for (const target of list.filter((t) => endsSession.has(t.path)))
      it(title(target), () => fuzz(target), 600_000);
  });
});
