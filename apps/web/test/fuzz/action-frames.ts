/**
 * Frames for fuzzing the WebSocket action protocol (fuzz-ws-actions-http.test.ts):
 * each with what the server's answer must say.
 */
import { appRouter } from "@guildhall/api";
import fc from "fast-check";
import { authorizationMatrix } from "../../../../packages/api/test/authorization-matrix";
import { hostileInput, hostileValue, mutate, mutation, RawJson, toJson } from "./hostile";

type Kind = "query" | "mutation" | "subscription";
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: Kind } }>;
const named = (kind: Kind) =>
  Object.keys(procedures).filter((p) => procedures[p]!._def.type === kind);
const queries = named("query");
const mutations = named("mutation");
export const subscriptions = named("subscription");

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
export interface Frame {
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

/** Whether `text` is no JSON object (not JSON at all, or another kind of value). */
function notJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value !== "object" || value === null || Array.isArray(value);
  } catch {
    return true;
  }
}

/** Text that is not JSON, JSON that is not an object, and raw bytes. */
const notAnObject: fc.Arbitrary<Frame> = fc.oneof(
  fc
    .string({ unit: "binary", maxLength: 64 })
    .filter(notJsonObject)
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
    .filter((bytes) => notJsonObject(Buffer.from(bytes).toString("utf8")))
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

export const anyFrame: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: objectFrame, weight: 6 },
  { arbitrary: subscribeFrame, weight: 2 },
  { arbitrary: mutationFrame, weight: 2 },
  { arbitrary: notAnObject, weight: 2 },
);

/** Answers carry `success` (pong is the one without). Stream frames (`event`, `end`) do not. */
export const isAnswer = (frame: Record<string, unknown>) =>
  "success" in frame || frame.action === "pong";
