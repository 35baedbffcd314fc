import { describe, expect, it } from "vitest";
import { signUpOverRest } from "./support/http-session";
import { ADMIN_PASSWORD, useServer } from "./support/server";
import {
  newTicket,
  openSocket,
  restCall,
  signInOverRest,
  type TestSocket,
} from "./support/sockets";

/**
 * The WebSocket action protocol (`/api/ws/actions`, docs/ws-actions.md) over
 * real sockets against the production server.
 */
const server = useServer({ WS_AUTH_TIMEOUT_SECONDS: "1", REALTIME_RECHECK_SECONDS: "1" });
const actionsUrl = () => `${server.url}/api/ws/actions`;

let adminLogin: Promise<string> | undefined;
/** The admin's access token, signed in once for the file (sign-ins are rate limited). */
function adminToken(): Promise<string> {
  adminLogin ??= signInOverRest(server.url, "admin", ADMIN_PASSWORD).then((t) => t.accessToken);
  return adminLogin;
}

/** An action socket past its auth message. */
async function signedIn(token: string): Promise<TestSocket> {
  const socket = await openSocket(actionsUrl());
  socket.send({ action: "auth", token });
  expect(await socket.next()).toMatchObject({ action: "auth", success: true });
  return socket;
}

const post = async (token: string, ticketId: string, body: string) =>
  expect(
    (
      await restCall(server.url, `/hubs/demo/tickets/${ticketId}/messages`, {
        token,
        body: { body },
      })
    ).status,
  ).toBe(200);

type Event = { eventId: string | null; data: { type: string; payload: { preview?: string } } };

/** The next `count` message previews of subscription `id`, with their event ids. */
async function nextMessages(socket: TestSocket, id: string, count: number) {
  const got: { eventId: string; preview: string }[] = [];
  while (got.length < count) {
    const frame = (await socket.next((f) => f.action === "event" && f.id === id)) as Event;
    if (frame.data.type === "message.created")
      got.push({ eventId: frame.eventId!, preview: frame.data.payload.preview! });
  }
  return got;
}

describe("WebSocket action protocol (/api/ws/actions)", () => {
  it("refuses anything before auth (4401), a bad token (4401), and no auth in time (4408)", async () => {
    const first = await openSocket(actionsUrl());
    first.send({ action: "ping" });
    expect(await first.next()).toMatchObject({
      success: false,
      error: { code: "UNAUTHENTICATED" },
    });
    expect(await first.closed).toEqual({ code: 4401, reason: "AUTH_FAILED" });

    const forged = await openSocket(actionsUrl());
    forged.send({ action: "auth", token: "a.b.c" });
    expect(await forged.next()).toMatchObject({
      action: "auth",
      success: false,
      error: { code: "INVALID_TOKEN" },
    });
    expect(await forged.closed).toEqual({ code: 4401, reason: "AUTH_FAILED" });

    const silent = await openSocket(actionsUrl());
    expect(await silent.closed).toEqual({ code: 4408, reason: "AUTH_TIMEOUT" });
  });

  it("answers an unknown action with UNKNOWN_ACTION and keeps the socket; ping answers pong", async () => {
    const socket = await signedIn(await adminToken());
    socket.send({ action: "tickets.noSuchThing", id: "u1", input: {} });
    expect(await socket.next()).toMatchObject({
      action: "tickets.noSuchThing",
      id: "u1",
      success: false,
      error: { code: "UNKNOWN_ACTION" },
    });
    socket.send("{not json");
    expect(await socket.next()).toMatchObject({
      action: null,
      success: false,
      error: { code: "VALIDATION_FAILED" },
    });
    socket.send({ action: "ping", id: 7 });
    expect(await socket.next()).toEqual({ action: "pong", id: 7 });
    socket.close();
  });

  it("runs queries and mutations; a schema failure names the field, in the caller's language", async () => {
    const token = await adminToken();
    const socket = await signedIn(token);
    socket.send({ action: "hubs.get", id: "q1", input: { hubSlug: "demo" } });
    expect(await socket.next((f) => f.id === "q1")).toMatchObject({
      success: true,
      data: { slug: "demo" },
    });
    socket.send({ action: "hubs.get", id: "q2", input: { hubSlug: "?" } });
    const refused = (await socket.next((f) => f.id === "q2")) as {
      success: boolean;
      error: { code: string; fieldErrors: Record<string, string[]>; requestId: string };
    };
    expect(refused.success).toBe(false);
    expect(refused.error.code).toBe("VALIDATION_FAILED");
    expect(refused.error.fieldErrors.hubSlug?.length).toBeGreaterThan(0);
    expect(refused.error.requestId).toEqual(expect.any(String));
    socket.send({
      action: "tickets.create",
      id: "m1",
      input: {
        hubSlug: "demo",
        subject: "Made over actions",
        description: "A mutation.",
        category: "Support",
      },
    });
    const made = (await socket.next((f) => f.id === "m1")) as {
      success: boolean;
      data: { id: string };
    };
    expect(made.success).toBe(true);
    // It is really there, as REST sees it.
    const seen = await restCall(server.url, `/hubs/demo/tickets/${made.data.id}`, {
      method: "GET",
      token,
    });
    expect(seen.status).toBe(200);
    socket.close();
  });

  it("a subscription resumed with lastEventId on a new socket gets what it missed: once each, in order", async () => {
    const token = await adminToken();
    const ticketId = await newTicket(server.url, token, "Resume over actions");
    const watch = { path: "tickets.watch", input: { hubSlug: "demo", ticketId } };
    const first = await signedIn(token);
    first.send({ action: "subscribe", id: "s1", input: watch });
    expect(await first.next((f) => f.id === "s1" && f.action === "subscribe")).toMatchObject({
      success: true,
    });
    await first.next((f) => f.action === "event" && (f as Event).data.type === "ready");
    await post(token, ticketId, "one");
    await post(token, ticketId, "two");
    const before = await nextMessages(first, "s1", 2);
    expect(before.map((m) => m.preview)).toEqual(["one", "two"]);
    first.close();
    await first.closed;

    // Sent while nobody listened.
    for (const body of ["three", "four", "five"]) await post(token, ticketId, body);
    const second = await signedIn(token);
    second.send({
      action: "subscribe",
      id: "s1",
      input: { ...watch, lastEventId: before[1]!.eventId },
    });
    const after = await nextMessages(second, "s1", 3);
    expect(after.map((m) => m.preview)).toEqual(["three", "four", "five"]);
    const ids = [...before, ...after].map((m) => Number(m.eventId));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    // Nothing twice: the next live message is the next frame.
    await post(token, ticketId, "six");
    expect((await nextMessages(second, "s1", 1)).map((m) => m.preview)).toEqual(["six"]);
    second.send({ action: "unsubscribe", id: "s1" });
    expect(await second.next((f) => f.action === "unsubscribe")).toMatchObject({ success: true });
    second.close();
  });

  it("one identity may hold several sockets; revoking the session closes each with 4001", async () => {
    const { accessToken } = await signInOverRest(server.url, "admin", ADMIN_PASSWORD);
    const a = await signedIn(accessToken);
    const b = await signedIn(accessToken);
    for (const socket of [a, b]) {
      socket.send({ action: "tickets.list", id: 1, input: { hubSlug: "demo" } });
      expect(await socket.next((f) => f.id === 1)).toMatchObject({ success: true });
    }
    expect((await restCall(server.url, "/auth/logout", { token: accessToken })).status).toBe(200);
    expect(await a.closed).toEqual({ code: 4001, reason: "SESSION_ENDED" });
    expect(await b.closed).toEqual({ code: 4001, reason: "SESSION_ENDED" });
  });

  it("counts actions in the caller's global bucket: RATE_LIMITED without closing", async () => {
    // A user of its own: this spends the whole global quota.
    const token = await signUpOverRest(server.url, "wsactionlimits", "ws-action-limits-pass-1");
    const socket = await signedIn(token);
    let limited: Record<string, unknown> | null = null;
    for (let i = 0; i < 400 && !limited; i++) {
      socket.send({ action: "ping", id: i });
      const answer = await socket.next((f) => f.id === i);
      if (answer.action !== "pong") limited = answer;
    }
    expect(limited).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
    socket.send({ action: "hubs.get", id: "after", input: { hubSlug: "demo" } });
    expect(await socket.next((f) => f.id === "after")).toMatchObject({
      success: false,
      error: { code: "RATE_LIMITED" },
    });
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.close();
  });

  it("describes itself: the AsyncAPI 3 document at /api/asyncapi.json, linked from /api/docs", async () => {
    const response = await fetch(`${server.url}/api/asyncapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      asyncapi: string;
      servers: Record<string, { host: string; protocol: string }>;
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, unknown> };
    };
    expect(document.asyncapi).toBe("3.0.0");
    expect(Object.values(document.servers)).toEqual([
      expect.objectContaining({ host: new URL(server.url).host, protocol: "ws" }),
    ]);
    expect(Object.values(document.channels).map((c) => c.address)).toEqual(["/api/ws/actions"]);
    // Every message this file sent has its description.
    for (const name of ["auth", "ping", "pong", "hubs.get.request", "tickets.create.reply"])
      expect(Object.keys(document.components.messages)).toContain(name);
    const docs = await (await fetch(`${server.url}/api/docs`)).text();
    expect(docs).toContain('href="/api/asyncapi.json"');
  });
});
