import { appRouter } from "@guildhall/api";
import { getEnv } from "@guildhall/core/env";
import { errorCodes } from "@guildhall/core/errors";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationMatrix } from "../../../packages/api/test/authorization-matrix";
import { hostileInput, hostileValue, mutate, mutation, RawJson, toJson } from "./fuzz/hostile";
import { ADMIN_PASSWORD, useServer } from "./support/server";
import { openSocket, signInOverRest, type TestSocket } from "./support/sockets";

/**
 * Fuzzing the WebSocket action protocol's frames (docs/ws-actions.md) over
 * real sockets against the production server: arbitrary text and bytes,
 * JSON that is no object, objects whose `action`, `id` and `input` are of
 * every wrong kind, real procedure names with hostile inputs, and first
 * frames that are not an auth message. Every frame gets exactly one answer
 * in the protocol's shape, never a 5xx-class error; the `id` is echoed only
 * when it is a valid one; nothing but the documented closes ends a socket.
 *
 * Seeded with FUZZ_SEED; FUZZ_RUNS scales the number of frames.
 */
const { FUZZ_SEED: seed, FUZZ_RUNS: runs } = getEnv();
// Every frame must reach the protocol, not the limiter (limits have their own tests).
const server = useServer({ RATE_LIMIT_WHITELIST: "127.0.0.1" });
const actionsUrl = () => `${server.url}/api/ws/actions`;

type Kind = "query" | "mutation" | "subscription";
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: Kind } }>;
const named = (kind: Kind) =>
  Object.keys(procedures).filter((p) => procedures[p]!._def.type === kind);
const queries = named("query");
const mutations = named("mutation");
const subscriptions = named("subscription");

/** What a client may put where the protocol wants an `id`: valid ones and every wrong kind. */
const anyId: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 128 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("", "x".repeat(129), null, true, [], {}, new RawJson("1e309"), -0),
  hostileValue,
);
/** The id the answer echoes: a valid one as JSON carried it (-0 arrives as 0), else none. */
const echoed = (id: unknown): unknown => (isValidId(id) ? JSON.parse(JSON.stringify(id)) : null);
/** A valid id: echoed on the answer. */
const isValidId = (id: unknown) =>
  (typeof id === "string" && id.length > 0 && id.length <= 128) ||
  (typeof id === "number" && Number.isFinite(id));

/** Action names: the protocol's own, real procedures, and nonsense. */
const anyAction: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom("ping", "auth", "unsubscribe", "", "event", "pong"), weight: 2 },
  { arbitrary: fc.constantFrom(...queries), weight: 4 },
  { arbitrary: fc.constantFrom(...subscriptions), weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: hostileValue, weight: 2 },
);

/**
 * One frame: its text (or bytes), and what the answer must say. Mutations
 * only ever carry inputs with a NUL inside, which the input guard refuses
 * before any schema, so the fuzzer changes nothing it depends on.
 */
interface Frame {
  data: string | Buffer;
  /** The action the answer names (null when the frame has none readable). */
  action: string | null;
  /** The id the answer echoes (null: none). */
  id: unknown;
  /** The answer must refuse it with this code. */
  refusedWith?: string;
}

/** A procedure's known-good input (the authorization matrix's), as it is or with one hostile change. */
const inputFor = (path: unknown): fc.Arbitrary<unknown> => {
  const known = typeof path === "string" ? authorizationMatrix[path]?.input : undefined;
  return fc.oneof(
    hostileInput,
    fc.constant(known),
    mutation.map((change) => mutate(known, change)),
  );
};

const objectFrame = anyAction
  .chain((action) =>
    fc.record(
      { action: fc.constant(action), id: anyId, input: inputFor(action) },
      { requiredKeys: ["action"] },
    ),
  )
  .map((sent): Frame => {
    // Judged as the server reads it: raw numbers such as 1e30 arrive as numbers.
    const data = toJson(sent);
    const message = JSON.parse(data) as Record<string, unknown>;
    const action = typeof message.action === "string" ? message.action : null;
    const badId = message.id !== undefined && message.id !== null && !isValidId(message.id);
    return {
      data,
      action,
      id: echoed(message.id),
      // No string action, or an id of the wrong kind: the frame itself is refused.
      ...(action === null || badId ? { refusedWith: "VALIDATION_FAILED" } : {}),
    };
  });

const mutationFrame = fc
  .record({
    action: fc.constantFrom(...mutations),
    id: fc.string({ minLength: 1, maxLength: 20 }),
    input: fc.oneof(
      fc.constant("\u0000"),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.constant("a\u0000b"), { minKeys: 1 }),
    ),
  })
  .map((message): Frame => ({
    data: JSON.stringify(message),
    action: message.action,
    id: message.id,
    refusedWith: "VALIDATION_FAILED",
  }));

/** Text that is not JSON, JSON that is not an object, and raw bytes. */
const notAnObject: fc.Arbitrary<Frame> = fc.oneof(
  fc
    .string({ unit: "binary", maxLength: 64 })
    .filter((text) => {
      try {
        const value: unknown = JSON.parse(text);
        return typeof value !== "object" || value === null || Array.isArray(value);
      } catch {
        return true;
      }
    })
    .map((text) => ({ data: text, action: null, id: null, refusedWith: "VALIDATION_FAILED" })),
  fc
    .oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.anything({ maxDepth: 2 })))
    .filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
    .map((value) => ({
      data: toJson(value),
      action: null,
      id: null,
      refusedWith: "VALIDATION_FAILED",
    })),
  fc
    .uint8Array({ maxLength: 64 })
    .filter((bytes) => {
      try {
        const value: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
        return typeof value !== "object" || value === null || Array.isArray(value);
      } catch {
        return true;
      }
    })
    .map((bytes) => ({
      data: Buffer.from(bytes),
      action: null,
      id: null,
      refusedWith: "VALIDATION_FAILED",
    })),
);

/** `subscribe` with real and made-up paths, hostile inputs and event ids of every kind. */
const subscribeFrame = fc
  .record(
    {
      id: anyId,
      input: fc.oneof(
        hostileInput,
        fc
          .oneof(
            { arbitrary: fc.constantFrom(...subscriptions), weight: 4 },
            { arbitrary: fc.constantFrom(...queries), weight: 1 },
            { arbitrary: hostileValue, weight: 1 },
          )
          .chain((path) =>
            fc.record(
              {
                path: fc.constant(path),
                input: inputFor(path),
                lastEventId: fc.oneof(fc.string({ maxLength: 30 }), hostileValue),
              },
              { requiredKeys: ["path"] },
            ),
          ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((sent): Frame => {
    const data = toJson({ action: "subscribe", ...sent });
    const message = JSON.parse(data) as Record<string, unknown>;
    const badId = message.id !== undefined && message.id !== null && !isValidId(message.id);
    return {
      data,
      action: "subscribe",
      id: echoed(message.id),
      ...(badId ? { refusedWith: "VALIDATION_FAILED" } : {}),
    };
  });

const anyFrame: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: objectFrame, weight: 6 },
  { arbitrary: subscribeFrame, weight: 2 },
  { arbitrary: mutationFrame, weight: 2 },
  { arbitrary: notAnObject, weight: 2 },
);

/** Answers carry `success` (pong is the one without). Stream frames (`event`, `end`) do not. */
const isAnswer = (frame: Record<string, unknown>) => "success" in frame || frame.action === "pong";

/** The protocol's error shape, with a code of the table below 500. */
function expectClientError(error: unknown, context: string): string {
  expect(error, context).toBeTypeOf("object");
  const { code, message, fieldErrors } = error as Record<string, unknown>;
  expect(typeof code, context).toBe("string");
  const known = errorCodes[code as keyof typeof errorCodes];
  expect(known, `${context}: unknown code ${String(code)}`).toBeDefined();
  expect(known.http, `${context}: ${String(code)}`).toBeLessThan(500);
  expect(typeof message === "string" && message.length > 0, context).toBe(true);
  if (fieldErrors !== undefined) {
    for (const messages of Object.values(fieldErrors as Record<string, unknown>))
      expect(Array.isArray(messages), context).toBe(true);
  }
  return code as string;
}

let adminToken: string;
let socket: TestSocket;

beforeAll(async () => {
  adminToken = (await signInOverRest(server.url, "admin", ADMIN_PASSWORD)).accessToken;
  socket = await openSocket(actionsUrl());
  socket.send({ action: "auth", token: adminToken });
  expect(await socket.next()).toMatchObject({ action: "auth", success: true });
});
afterAll(() => socket?.close());

describe("fuzzing the action protocol's frames (/api/ws/actions)", () => {
  it("answers every frame of an authenticated socket once, in the protocol's shape, and stays open", async () => {
    let frames = 0;
    const outcomes = { pong: 0, ok: 0, refused: 0, subscribed: 0 };
    await fc.assert(
      fc.asyncProperty(anyFrame, async (frame) => {
        frames++;
        const shown = typeof frame.data === "string" ? frame.data.slice(0, 200) : "(bytes)";
        socket.ws.send(frame.data, { binary: typeof frame.data !== "string" });
        const answer = await socket.next(isAnswer);
        const pong = frame.action === "ping" && !frame.refusedWith;
        expect(answer.action ?? null, shown).toBe(pong ? "pong" : frame.action);
        expect(answer.id ?? null, shown).toEqual(frame.id);
        if (answer.action === "pong") return void outcomes.pong++;
        if (answer.success === true) {
          outcomes.ok++;
          expect(frame.refusedWith, shown).toBeUndefined();
          // A subscription the fuzzer opened is closed again, so they never pile up.
          if (frame.action === "subscribe" && frame.id !== null) {
            outcomes.subscribed++;
            socket.send({ action: "unsubscribe", id: frame.id });
            await socket.next((f) => f.action === "unsubscribe" && f.id === frame.id);
          }
          return;
        }
        expect(answer.success, shown).toBe(false);
        outcomes.refused++;
        const code = expectClientError(answer.error, shown);
        if (frame.refusedWith) expect(code, shown).toBe(frame.refusedWith);
      }),
      { seed, numRuns: runs * 5 },
    );
    expect(frames).toBe(runs * 5);
    console.log(`ws action fuzz: ${frames} frames`, outcomes);
    // The fuzzer reached past the frame checks: answers of every kind came back.
    expect(outcomes.pong && outcomes.ok && outcomes.refused).toBeGreaterThan(0);
    // Still open and answering.
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.send({ action: "ping", id: "after" });
    expect(await socket.next((f) => f.action === "pong")).toEqual({ action: "pong", id: "after" });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 300_000);

  it("closes 4401 on any first frame that is not an auth message, answering UNAUTHENTICATED first", async () => {
    const notAuth = anyFrame.filter((frame) => {
      if (typeof frame.data !== "string") return true;
      try {
        const message = JSON.parse(frame.data) as { action?: unknown; token?: unknown };
        return message?.action !== "auth";
      } catch {
        return true;
      }
    });
    await fc.assert(
      fc.asyncProperty(notAuth, async (frame) => {
        const fresh = await openSocket(actionsUrl());
        fresh.ws.send(frame.data, { binary: typeof frame.data !== "string" });
        const answer = await fresh.next();
        expect(answer.success).toBe(false);
        expect(expectClientError(answer.error, "first frame")).toBe("UNAUTHENTICATED");
        expect((await fresh.closed).code).toBe(4401);
      }),
      { seed, numRuns: Math.max(10, Math.round(runs / 4)) },
    );
  }, 300_000);

  it("closes 4401 on an auth message whose token is any wrong value, answering in the error shape", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, fc.string({ maxLength: 300 })), async (token) => {
        const fresh = await openSocket(actionsUrl());
        fresh.send(toJson({ action: "auth", token }));
        const answer = await fresh.next();
        expect(answer).toMatchObject({ action: "auth", success: false });
        expect(["UNAUTHENTICATED", "INVALID_TOKEN"]).toContain(
          expectClientError(answer.error, "auth"),
        );
        expect((await fresh.closed).code).toBe(4401);
      }),
      { seed, numRuns: Math.max(10, Math.round(runs / 4)) },
    );
  }, 300_000);
});
