import { signAccessToken } from "@guildhall/auth";
import { createGuildhallClient, createGuildhallSocket } from "@guildhall/client";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { HttpSession } from "./support/http-session";
import { ADMIN_PASSWORD, useServer } from "./support/server";
import { knownSigningKey } from "./support/signing-key";
import { newTicket, openSocket, restCall, signInOverRest, watchTicket } from "./support/sockets";

/**
 * The typed client over WebSocket (`/api/ws`, tRPC's protocol) against the
 * production server: calls, subscriptions that resume exactly once after a
 * dropped connection, and sockets closed when their session ends or their
 * token expires.
 */
const AUTH_SECRET = "ws-typed-test-secret-0123456789abcdef-0123456789";
const key = knownSigningKey(AUTH_SECRET);
const server = useServer(
  { AUTH_SECRET, REALTIME_RECHECK_SECONDS: "1", RATE_LIMIT_WHITELIST: "127.0.0.1" },
  { prepare: key.prepare },
);

/** A `ws` WebSocket whose instances the test can reach (to drop a connection). */
function trackedWebSocket() {
  const made: WebSocket[] = [];
  class Tracked extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      made.push(this);
    }
  }
  return { made, WebSocket: Tracked };
}

const post = (token: string, ticketId: string, body: string) =>
  restCall(server.url, `/hubs/demo/tickets/${ticketId}/messages`, { token, body: { body } });

describe("typed client over WebSocket (/api/ws)", () => {
  it("runs queries and mutations, with the same errors as over HTTP", async () => {
    const { accessToken } = await signInOverRest(server.url, "admin", ADMIN_PASSWORD);
    const socket = createGuildhallSocket({ url: server.url, token: accessToken, WebSocket });
    const gh = createGuildhallClient({ url: server.url, transport: "ws", socket, locale: "de" });
    try {
      const health = await gh.system.health.query();
      expect(health.status).toBe("ok");
      const hub = await gh.hubs.get.query({ hubSlug: "demo" });
      expect(hub.slug).toBe("demo");
      const refused = await gh.hubs.get.query({ hubSlug: "?" }).catch((error: unknown) => error);
      const data = (refused as { data?: { code?: string; fieldErrors?: Record<string, string[]> } })
        .data;
      expect(data?.code).toBe("VALIDATION_FAILED");
      expect(data?.fieldErrors?.hubSlug?.length).toBeGreaterThan(0);
      const ticketId = await gh.tickets.create
        .mutate({
          hubSlug: "demo",
          subject: "Made over WS",
          description: "Made by the typed client.",
          category: "Support",
        })
        .then((ticket) => ticket.id);
      expect(typeof ticketId).toBe("string");
    } finally {
      await socket.close();
    }
  });

  it("anonymous sockets work for public procedures; protected ones answer UNAUTHENTICATED", async () => {
    const socket = createGuildhallSocket({ url: server.url, WebSocket });
    const gh = createGuildhallClient({ url: server.url, transport: "ws", socket });
    try {
      expect((await gh.system.health.query()).status).toBe("ok");
      const refused = await gh.tickets.list.query({ hubSlug: "demo" }).catch((e: unknown) => e);
      expect((refused as { data?: { code?: string } }).data?.code).toBe("UNAUTHENTICATED");
    } finally {
      await socket.close();
    }
  });

  it("a subscription resumes after a dropped connection: every event once, in order", async () => {
    const { accessToken } = await signInOverRest(server.url, "admin", ADMIN_PASSWORD);
    const ticketId = await newTicket(server.url, accessToken, "Resume over WS");
    const tracked = trackedWebSocket();
    const socket = createGuildhallSocket({
      url: server.url,
      token: accessToken,
      WebSocket: tracked.WebSocket,
    });
    const gh = createGuildhallClient({ url: server.url, transport: "ws-subscriptions", socket });
    const watch = watchTicket(gh.tickets.watch.subscribe, ticketId);
    try {
      await watch.ready;
      for (const body of ["one", "two"])
        expect((await post(accessToken, ticketId, body)).status).toBe(200);
      await watch.until(2);
      // The network drops: the client reconnects on its own and resumes after "two".
      tracked.made[0]!.terminate();
      for (const body of ["three", "four", "five"])
        expect((await post(accessToken, ticketId, body)).status).toBe(200);
      await watch.until(5);
      expect(tracked.made.length).toBeGreaterThanOrEqual(2);
      // A little more: nothing arrives twice.
      expect((await post(accessToken, ticketId, "six")).status).toBe(200);
      await watch.until(6);
      expect(watch.previews).toEqual(["one", "two", "three", "four", "five", "six"]);
    } finally {
      watch.unsubscribe();
      await socket.close();
    }
  });

  it("closes with 4001 SESSION_ENDED when the session is revoked", async () => {
    const { accessToken } = await signInOverRest(server.url, "admin", ADMIN_PASSWORD);
    const raw = await openSocket(`${server.url}/api/ws`, {
      authorization: `Bearer ${accessToken}`,
    });
    raw.send({
      id: 1,
      method: "query",
      params: { path: "tickets.list", input: { json: { hubSlug: "demo" } } },
    });
    expect(await raw.next((f) => f.id === 1)).toMatchObject({ result: { type: "data" } });
    expect((await restCall(server.url, "/auth/logout", { token: accessToken })).status).toBe(200);
    expect(await raw.closed).toEqual({ code: 4001, reason: "SESSION_ENDED" });
  });

  it("closes with 4002 TOKEN_EXPIRED when the token it connected with expires", async () => {
    const { accessToken } = await signInOverRest(server.url, "admin", ADMIN_PASSWORD);
    const claims = JSON.parse(Buffer.from(accessToken.split(".")[1]!, "base64url").toString()) as {
      sub: string;
      sid: string;
    };
    const shortLived = await signAccessToken(claims, key.signer, 2);
    const raw = await openSocket(`${server.url}/api/ws?connectionParams=1`);
    raw.send({ method: "connectionParams", data: { token: shortLived } });
    raw.send({
      id: 1,
      method: "query",
      params: { path: "tickets.list", input: { json: { hubSlug: "demo" } } },
    });
    expect(await raw.next((f) => f.id === 1)).toMatchObject({ result: { type: "data" } });
    expect(await raw.closed).toEqual({ code: 4002, reason: "TOKEN_EXPIRED" });
  });

  it("believes the dashboard cookie only from our own pages", async () => {
    const browser = new HttpSession(server.url);
    expect(await browser.signIn("admin", ADMIN_PASSWORD)).toBe(302);
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const list = {
      id: 1,
      method: "query",
      params: { path: "tickets.list", input: { json: { hubSlug: "demo" } } },
    };
    const codeOf = (frame: Record<string, unknown>) =>
      (frame as { error?: { json?: { data?: { code?: string } } } }).error?.json?.data?.code;

    const ours = await openSocket(`${server.url}/api/ws`, { cookie, origin: server.url });
    ours.send(list);
    expect(await ours.next((f) => f.id === 1)).toMatchObject({ result: { type: "data" } });
    ours.close();
    // Another site's page opening a socket with the visitor's cookie is nobody.
    const evil = await openSocket(`${server.url}/api/ws`, {
      cookie,
      origin: "https://evil.example",
    });
    evil.send(list);
    expect(codeOf(await evil.next((f) => f.id === 1))).toBe("UNAUTHENTICATED");
    evil.close();
  });

  it("refuses upgrades on other API paths (404)", async () => {
    await expect(openSocket(`${server.url}/api/ws/nope`)).rejects.toThrow("upgrade refused: 404");
    await expect(openSocket(`${server.url}/api/trpc`)).rejects.toThrow("upgrade refused: 404");
  });
});
