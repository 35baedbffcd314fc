import { getEnv } from "@guildhall/core/env";
import { errorCodes } from "@guildhall/core/errors";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyFrame, isAnswer } from "./fuzz/action-frames";
import { hostileValue, toJson } from "./fuzz/hostile";
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
    const notAuth = anyFrame.filter((frame) => frame.action !== "auth");
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
