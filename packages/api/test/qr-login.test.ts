import { createApplicationToken, createSession, resolvePrincipal } from "@guildhall/core/identity";
import { purgeExpiredQrLogins, qrLoginStream } from "@guildhall/core/qr-login";
import { busFor } from "@guildhall/core/realtime";
import { createUser } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller, createContext } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { outcome } from "./support/tickets";
import { useWorld } from "./support/world";

const fixture = useWorld();
beforeEach(() => resetRateLimiters());

const BROWSER_AGENT = "Mozilla/5.0 (QR sign-in test)";
const qr = schema.qrLoginRequests;

/** A caller authenticated the way HTTP requests are, with the bus (for subscriptions). */
async function callerFor(authorization: string | null, ip: string, userAgent: string) {
  const tdb = fixture.db;
  const headers = new Headers({ "user-agent": userAgent });
  if (authorization) headers.set("authorization", authorization);
  const principal = await resolvePrincipal(tdb.db, authorization);
  return createCaller(
    createContext({ db: tdb.db, dbKind: tdb.kind, headers, principal, peer: ip, bus: busFor(tdb) }),
  );
}

const browser = () => callerFor(null, "10.7.1.1", BROWSER_AGENT);

let counter = 0;
/** A signed-in session (a phone, say): of a new account, or another one of `user`. */
async function device(user?: { id: string; username: string }) {
  const db = fixture.db.db;
  const owner = user ?? (await createUser(db, { username: `qrdevice${++counter}` }));
  const tokens = await db.transaction((tx) =>
    createSession(tx, { userId: owner.id, kind: "api", mfaVerified: false }),
  );
  const caller = await callerFor(`Bearer ${tokens.accessToken}`, "10.7.2.1", "phone");
  return { user: owner, caller, sessionId: tokens.sessionId };
}

type Item = { type: string; payload: Record<string, unknown>; id?: string };

/** Reads a subscription in the background; `until` waits for a condition on what arrived. */
function reader(iterable: AsyncIterable<unknown>) {
  const items: Item[] = [];
  let ended = false;
  const done = (async () => {
    for await (const raw of iterable) {
      // Server-side, a tracked event is the tuple [id, data, symbol].
      if (Array.isArray(raw)) {
        const [id, data] = raw as [string, Item];
        items.push({ id, ...data });
      } else items.push(raw as Item);
    }
    ended = true;
  })();
  const until = async (check: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  const find = (type: string) => items.find((item) => item.type === type);
  const has = (type: string) => () => find(type) !== undefined;
  return { items, done, until, find, has, ended: () => ended };
}

/** A browser's request, watched until it ends; the request is opened by `device`. */
async function watched() {
  const b = await browser();
  const request = await b.qrLogin.create();
  const live = reader(
    await b.qrLogin.watch({ requestId: request.requestId, secret: request.secret }),
  );
  await live.until(live.has("ready"));
  return { b, request, live };
}

/** A browser's fresh watch of an approved request, until it yields its ticket. */
async function ticketOf(request: { requestId: string; secret: string }) {
  const b = await browser();
  const live = reader(await b.qrLogin.watch(request));
  await live.until(live.ended);
  const approved = live.find("approved");
  expect(approved).toBeDefined();
  return approved!.payload.ticket as string;
}

const setRequest = (requestId: string, values: Partial<typeof qr.$inferInsert>) =>
  fixture.db.db.update(qr).set(values).where(eq(qr.id, requestId));

describe("QR sign-in", () => {
  it("signs a browser in: create, watch, inspect, approve, exchange", async () => {
    const { request, live } = await watched();
    expect(request.secret).toMatch(/^ghs_/);
    expect(request.approveUrl).toMatch(
      new RegExp(`^https?://[^/]+/approve-sign-in\\?request=${request.requestId}$`),
    );
    expect(request.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(request.qrDataUrl.split(",")[1]!, "base64").toString();
    expect(svg).toContain("<svg");

    const phone = await device();
    const view = await phone.caller.qrLogin.inspect({ requestId: request.requestId });
    expect(view).toMatchObject({
      requestId: request.requestId,
      status: "scanned",
      userAgent: BROWSER_AGENT,
      ip: "10.7.1.1",
      browserWaiting: true,
    });
    await live.until(live.has("scanned"));
    expect(live.find("scanned")!.payload).toEqual({
      username: phone.user.username,
      displayName: phone.user.username,
      avatarUrl: null,
    });
    // The scanning session may look again.
    expect(await phone.caller.qrLogin.inspect({ requestId: request.requestId })).toMatchObject({
      status: "scanned",
    });

    expect(await phone.caller.qrLogin.approve({ requestId: request.requestId })).toEqual({
      requestId: request.requestId,
      status: "approved",
    });
    await live.until(live.ended);
    const approved = live.find("approved")!;
    const ticket = approved.payload.ticket as string;
    expect(ticket).toMatch(/^ghq_/);
    expect(approved.id).toMatch(/^\d+$/);

    // The ticket is nowhere in the database: not in the events, only its hash on the request.
    const events = await fixture.db.db
      .select()
      .from(schema.realtimeEvents)
      .where(eq(schema.realtimeEvents.stream, qrLoginStream(request.requestId)));
    expect(events.map((e) => e.type)).toEqual(["scanned", "approved"]);
    expect(JSON.stringify(events)).not.toContain(ticket);
    const [row] = await fixture.db.db.select().from(qr).where(eq(qr.id, request.requestId));
    expect(row!.ticketHash).not.toBe(ticket);
    expect(row!.scannerUserId).toBe(phone.user.id);
    const audit = await fixture.db.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, "qrLogin.approve"),
          eq(schema.auditLog.targetId, request.requestId),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(phone.user.id);

    const signedIn = await (await browser()).qrLogin.exchange({ ticket });
    if (signedIn.mfaRequired) throw new Error("no MFA step expected");
    expect(signedIn.user).toMatchObject({ id: phone.user.id, username: phone.user.username });
    const newSession = await callerFor(`Bearer ${signedIn.accessToken}`, "10.7.1.1", "x");
    expect(await newSession.auth.verify()).toMatchObject({
      id: phone.user.id,
      sessionId: signedIn.sessionId,
      via: "access-token",
    });
    expect(signedIn.sessionId).not.toBe(phone.sessionId);

    // Used once: the ticket, and the request, are done.
    expect(await outcome((await browser()).qrLogin.exchange({ ticket }))).toBe("QR_TICKET_INVALID");
    expect(await outcome((await browser()).qrLogin.watch(request))).toBe("QR_ALREADY_DECIDED");
  });

  it("refuses a wrong secret like an unknown request", async () => {
    const b = await browser();
    const request = await b.qrLogin.create();
    const wrong = { requestId: request.requestId, secret: "ghs_not-the-secret" };
    expect(await outcome(b.qrLogin.watch(wrong))).toBe("QR_REQUEST_NOT_FOUND");
    expect(await outcome(b.qrLogin.heartbeat(wrong))).toBe("QR_REQUEST_NOT_FOUND");
    const unknown = { requestId: "00000000-0000-7000-8000-000000000000" };
    expect(await outcome((await device()).caller.qrLogin.inspect(unknown))).toBe(
      "QR_REQUEST_NOT_FOUND",
    );
  });

  it("allows two parties at most: another session, of the same user or not, is refused", async () => {
    const { request, live } = await watched();
    const phone = await device();
    const sameUser = await device(phone.user);
    const stranger = await device();
    const ids = { requestId: request.requestId };
    await phone.caller.qrLogin.inspect(ids);
    for (const other of [sameUser, stranger]) {
      expect(await outcome(other.caller.qrLogin.inspect(ids))).toBe("QR_PARTY_LIMIT");
      expect(await outcome(other.caller.qrLogin.approve(ids))).toBe("QR_PARTY_LIMIT");
      expect(await outcome(other.caller.qrLogin.deny(ids))).toBe("QR_PARTY_LIMIT");
    }
    // Nobody approves a request before opening it.
    const { request: unopened } = await watched();
    expect(await outcome(phone.caller.qrLogin.approve({ requestId: unopened.requestId }))).toBe(
      "QR_PARTY_LIMIT",
    );
    await phone.caller.qrLogin.approve(ids);
    await live.until(live.ended);
    expect(live.items.filter((i) => i.type === "scanned")).toHaveLength(1);
  });

  it("lets exactly one of two sessions scanning at once become the second party", async () => {
    const { request } = await watched();
    const [a, b] = [await device(), await device()];
    const results = await Promise.all(
      [a, b].map((d) => outcome(d.caller.qrLogin.inspect({ requestId: request.requestId }))),
    );
    expect(results.sort()).toEqual(["QR_PARTY_LIMIT", "ok"]);
  });

  it("tells the browser about a denial; a decision is final", async () => {
    const { request, live } = await watched();
    const phone = await device();
    const ids = { requestId: request.requestId };
    await phone.caller.qrLogin.inspect(ids);
    expect(await phone.caller.qrLogin.deny(ids)).toEqual({ ...ids, status: "denied" });
    await live.until(live.ended);
    expect(live.items.map((i) => i.type)).toEqual(["ready", "scanned", "denied"]);
    expect(await outcome(phone.caller.qrLogin.approve(ids))).toBe("QR_ALREADY_DECIDED");
    expect(await outcome(phone.caller.qrLogin.deny(ids))).toBe("QR_ALREADY_DECIDED");
    // A browser connecting late still learns the answer, and no ticket exists.
    const late = reader(await (await browser()).qrLogin.watch(request));
    await late.until(late.ended);
    expect(late.items.map((i) => i.type)).toEqual(["ready", "scanned", "denied"]);
    const [row] = await fixture.db.db.select().from(qr).where(eq(qr.id, request.requestId));
    expect(row!.ticketHash).toBeNull();
  });

  it("refuses an expired request for inspect, approve, watch and heartbeat", async () => {
    const b = await browser();
    const pending = await b.qrLogin.create();
    const scanned = await b.qrLogin.create();
    const phone = await device();
    await phone.caller.qrLogin.inspect({ requestId: scanned.requestId });
    for (const request of [pending, scanned])
      await setRequest(request.requestId, { expiresAt: new Date(Date.now() - 60_000) });
    expect(await outcome(phone.caller.qrLogin.inspect({ requestId: pending.requestId }))).toBe(
      "QR_EXPIRED",
    );
    expect(await outcome(phone.caller.qrLogin.approve({ requestId: scanned.requestId }))).toBe(
      "QR_EXPIRED",
    );
    expect(await outcome(b.qrLogin.watch(pending))).toBe("QR_EXPIRED");
    expect(await outcome(b.qrLogin.heartbeat(pending))).toBe("QR_EXPIRED");
  });

  it("ends the watch with `expired` when the request runs out", async () => {
    const b = await browser();
    const request = await b.qrLogin.create();
    await setRequest(request.requestId, { expiresAt: new Date(Date.now() + 1500) });
    const live = reader(await b.qrLogin.watch(request));
    await live.until(live.ended);
    expect(live.items.map((i) => i.type)).toEqual(["ready", "expired"]);
  });

  it("gives a reconnecting browser a fresh ticket; the older one stops working", async () => {
    const { request, live } = await watched();
    const phone = await device();
    await phone.caller.qrLogin.inspect({ requestId: request.requestId });
    await phone.caller.qrLogin.approve({ requestId: request.requestId });
    await live.until(live.ended);
    const first = live.find("approved")!.payload.ticket as string;
    const second = await ticketOf(request);
    expect(second).not.toBe(first);
    const b = await browser();
    expect(await outcome(b.qrLogin.exchange({ ticket: first }))).toBe("QR_TICKET_INVALID");
    const signedIn = await b.qrLogin.exchange({ ticket: second });
    expect(signedIn.mfaRequired).toBe(false);
  });

  it("refuses an expired ticket, and keeps inactive accounts out", async () => {
    const { request } = await watched();
    const phone = await device();
    await phone.caller.qrLogin.inspect({ requestId: request.requestId });
    await phone.caller.qrLogin.approve({ requestId: request.requestId });
    const stale = await ticketOf(request);
    await setRequest(request.requestId, { ticketExpiresAt: new Date(Date.now() - 1000) });
    const b = await browser();
    expect(await outcome(b.qrLogin.exchange({ ticket: stale }))).toBe("QR_TICKET_INVALID");

    const ticket = await ticketOf(request);
    await fixture.db.db
      .update(schema.users)
      .set({ isActive: false })
      .where(eq(schema.users.id, phone.user.id));
    expect(await outcome(b.qrLogin.exchange({ ticket }))).toBe("ACCOUNT_INACTIVE");
    // Nothing half-done: the request still waits for its exchange.
    const [row] = await fixture.db.db.select().from(qr).where(eq(qr.id, request.requestId));
    expect(row).toMatchObject({ status: "approved", completedAt: null });
  });

  it("approves only while the browser still waits; heartbeats keep it waiting", async () => {
    const b = await browser();
    const request = await b.qrLogin.create();
    const ids = { requestId: request.requestId };
    const phone = await device();
    expect(await phone.caller.qrLogin.inspect(ids)).toMatchObject({ browserWaiting: true });
    await setRequest(request.requestId, { browserSeenAt: new Date(Date.now() - 31_000) });
    expect(await phone.caller.qrLogin.inspect(ids)).toMatchObject({ browserWaiting: false });
    expect(await outcome(phone.caller.qrLogin.approve(ids))).toBe("QR_BROWSER_GONE");
    const ack = await b.qrLogin.heartbeat(request);
    expect(ack).toEqual({ op: "heartbeat_ack", status: "scanned", expiresAt: request.expiresAt });
    expect(await phone.caller.qrLogin.approve(ids)).toMatchObject({ status: "approved" });
    expect((await b.qrLogin.heartbeat(request)).status).toBe("approved");
  });

  it("answers heartbeat_ack for a pending request", async () => {
    const b = await browser();
    const request = await b.qrLogin.create();
    await setRequest(request.requestId, { browserSeenAt: null });
    expect(await b.qrLogin.heartbeat(request)).toEqual({
      op: "heartbeat_ack",
      status: "pending",
      expiresAt: request.expiresAt,
    });
    const [row] = await fixture.db.db.select().from(qr).where(eq(qr.id, request.requestId));
    expect(row!.browserSeenAt).not.toBeNull();
  });

  it("does not let an application token scan or approve", async () => {
    const { request } = await watched();
    const phone = await device();
    const { token } = await createApplicationToken(fixture.db.db, {
      userId: phone.user.id,
      name: "script",
      scopes: ["*"],
    });
    const bot = await callerFor(`Bearer ${token}`, "10.7.3.1", "script");
    const ids = { requestId: request.requestId };
    expect(await outcome(bot.qrLogin.inspect(ids))).toBe("FORBIDDEN");
    await phone.caller.qrLogin.inspect(ids);
    expect(await outcome(bot.qrLogin.approve(ids))).toBe("FORBIDDEN");
    expect(await outcome(bot.qrLogin.deny(ids))).toBe("FORBIDDEN");
  });

  it("limits how often one address starts a QR sign-in", async () => {
    const b = await callerFor(null, "10.7.4.1", BROWSER_AGENT);
    for (let i = 0; i < 10; i++) await b.qrLogin.create();
    expect(await outcome(b.qrLogin.create())).toBe("RATE_LIMITED");
  });

  it("purges requests expired more than a day ago, with their events", async () => {
    const { request: old, live } = await watched();
    const phone = await device();
    await phone.caller.qrLogin.inspect({ requestId: old.requestId });
    await phone.caller.qrLogin.deny({ requestId: old.requestId });
    await live.until(live.ended);
    const recent = await (await browser()).qrLogin.create();
    await setRequest(old.requestId, { expiresAt: new Date(Date.now() - 2 * 86_400_000) });
    await setRequest(recent.requestId, { expiresAt: new Date(Date.now() - 3_600_000) });
    expect(await purgeExpiredQrLogins(fixture.db.db)).toBe(1);
    const left = await fixture.db.db.select({ id: qr.id }).from(qr);
    expect(left.map((r) => r.id)).toContain(recent.requestId);
    expect(left.map((r) => r.id)).not.toContain(old.requestId);
    const events = await fixture.db.db
      .select()
      .from(schema.realtimeEvents)
      .where(eq(schema.realtimeEvents.stream, qrLoginStream(old.requestId)));
    expect(events).toEqual([]);
  });
});
