import { getEnv } from "@guildhall/core/env";
import { createUser } from "@guildhall/core/users";
import { describe, expect, it } from "vitest";
import type { Principal } from "../src";
import { ACTION_CLOSE_CODES } from "../src/ws-actions";
import { actionClient, connected, contextsFor, until } from "./support/action-socket";
import { ticketKit } from "./support/tickets";
import { useWorld } from "./support/world";

const fixture = useWorld();
const kit = ticketKit(fixture);
const member = () => fixture.world.context("member", { transport: "ws" });

const contextsOf = (user: { id: string; username: string }, extra?: Partial<Principal>) =>
  contextsFor(fixture, user, extra);

describe("authentication", () => {
  it("refuses any first message but auth, and closes", async () => {
    const client = actionClient(() => Promise.resolve(member));
    await client.send({ action: "ping", id: 1 });
    expect(client.sent).toEqual([
      expect.objectContaining({
        action: "ping",
        id: 1,
        success: false,
        error: expect.objectContaining({ code: "UNAUTHENTICATED" }),
      }),
    ]);
    expect(client.closed()).toEqual({ code: ACTION_CLOSE_CODES.authFailed, reason: "AUTH_FAILED" });
  });

  it("closes when no auth message comes in time", async () => {
    const client = actionClient(() => Promise.resolve(member), { authTimeoutMs: 20 });
    await until(() => client.closed() !== null);
    expect(client.closed()?.code).toBe(4408);
    expect(client.sent).toEqual([]);
  });

  it("answers INVALID_TOKEN for a token that names nobody, and closes 4401", async () => {
    const client = actionClient((token) => Promise.resolve(token === "good" ? member : null));
    await client.send({ action: "auth", token: "bad" });
    expect(client.sent[0]).toMatchObject({
      action: "auth",
      success: false,
      error: { code: "INVALID_TOKEN" },
    });
    expect(client.closed()?.code).toBe(4401);
  });

  it("answers the user id, and handles frames sent right behind the auth message after it", async () => {
    const client = actionClient((token) => Promise.resolve(token === "good" ? member : null));
    await Promise.all([
      client.send({ action: "auth", token: "good" }),
      client.send({ action: "ping", id: "p" }),
    ]);
    expect(client.sent).toEqual([
      { action: "auth", success: true, data: { userId: fixture.world.principals.member.userId } },
      { action: "pong", id: "p" },
    ]);
  });

  it("closes 4002 when the credential expires", async () => {
    const user = await createUser(fixture.db.db, { username: "wsexpiring" });
    const client = await connected(contextsOf(user, { expiresAt: new Date(Date.now() + 150) }));
    await until(() => client.closed() !== null);
    expect(client.closed()).toEqual({ code: 4002, reason: "TOKEN_EXPIRED" });
  });
});

describe("actions", () => {
  it("answers unknown actions and malformed frames without closing, then keeps working", async () => {
    const client = await connected(member);
    for (const action of ["nope.nothing", "tickets.watch", "toString", "__proto__", "auth"]) {
      const reply = await client.call(action, {});
      expect(reply, action).toMatchObject({ action, success: false });
      expect(reply.error?.code, action).toBe(action === "auth" ? "BAD_REQUEST" : "UNKNOWN_ACTION");
    }
    for (const frame of ["{not json", "[1,2]", JSON.stringify({ id: 3 })]) {
      const before = client.sent.length;
      await client.send(frame);
      expect(client.sent[before], frame).toMatchObject({
        action: null,
        success: false,
        error: { code: "VALIDATION_FAILED", fieldErrors: { action: [expect.any(String)] } },
      });
    }
    expect(await client.call("ping")).toEqual({ action: "pong", id: expect.any(String) });
    expect(client.closed()).toBeNull();
  });

  it("names the failing field of a refused input, in the caller's language", async () => {
    const client = await connected(() => fixture.world.context("member", { locale: "de" }));
    const reply = await client.call("hubs.get", { hubSlug: 7 });
    expect(reply).toMatchObject({
      action: "hubs.get",
      success: false,
      error: { code: "VALIDATION_FAILED" },
    });
    expect(Object.keys(reply.error!.fieldErrors)).toEqual(["hubSlug"]);
    expect(reply.error!.message).toBe("Einige Felder sind ungültig.");
    expect(reply.error!.requestId).toEqual(expect.any(String));
  });

  it("runs queries and mutations as over tRPC, answering plain JSON", async () => {
    const { user, caller } = await kit.newMember();
    const client = await connected(contextsOf(user));
    expect(await client.call("hubs.get", { hubSlug: "alpha" })).toMatchObject({
      action: "hubs.get",
      success: true,
      data: { slug: "alpha", name: "Alpha" },
    });
    const input = {
      hubSlug: "alpha",
      subject: "Over the socket",
      description: "Opened over the action socket.",
      category: "Support",
    };
    const created = await client.call("tickets.create", input);
    expect(created).toMatchObject({ success: true, data: { subject: "Over the socket" } });
    const ticketId = (created.data as { id: string }).id;
    // Read back over tRPC: the same ticket, its dates as the ISO strings JSON makes of them.
    const stored = await caller.tickets.get({ hubSlug: "alpha", ticketId });
    expect(stored.id).toBe(ticketId);
    expect((created.data as { createdAt: string }).createdAt).toBe(stored.createdAt.toISOString());
    // The same rules: a second ticket right away meets the cooldown.
    expect((await client.call("tickets.create", input)).error?.code).toBe("TICKET_COOLDOWN");
  });

  it("charges frames no procedure answers to the global bucket, and answers RATE_LIMITED without closing", async () => {
    const user = await createUser(fixture.db.db, { username: "wsratelimited" });
    const client = await connected(contextsOf(user));
    const points = Number(getEnv().RATE_LIMIT_GLOBAL.split("/")[0]);
    expect((await client.call("no.such")).error?.code).toBe("UNKNOWN_ACTION");
    for (let i = 1; i < points; i++) expect((await client.call("ping")).action).toBe("pong");
    expect(await client.call("ping")).toMatchObject({
      action: "ping",
      success: false,
      error: { code: "RATE_LIMITED" },
    });
    expect((await client.call("hubs.get", { hubSlug: "alpha" })).error?.code).toBe("RATE_LIMITED");
    expect(client.closed()).toBeNull();
  });

  it("refuses frames past the size limit, and closes on one past every limit", async () => {
    const client = await connected(member, { maxMessageBytes: 1024 });
    const reply = await client.call("hubs.get", { hubSlug: "alpha", padding: "x".repeat(2048) });
    expect(reply.error?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(client.closed()).toBeNull();
    await client.send(JSON.stringify({ action: "ping", padding: "x".repeat(9 * 1024 * 1024) }));
    expect(client.closed()?.code).toBe(1009);
  });

  it("closes 1013 when the reader falls too far behind", async () => {
    const client = await connected(member, { closeAboveBytes: 4096 });
    client.socket.bufferedAmount = 8192;
    await client.send({ action: "ping", id: 1 });
    expect(client.closed()).toEqual({ code: 1013, reason: "TOO_SLOW" });
  });
});
