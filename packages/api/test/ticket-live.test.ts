import { getEnv } from "@guildhall/core/env";
import { createSession, resolvePrincipal, revokeSessions } from "@guildhall/core/identity";
import { dismiss } from "@guildhall/core/members";
import { busFor } from "@guildhall/core/realtime";
import { listRoles } from "@guildhall/core/roles";
import { ticketStream } from "@guildhall/core/tickets";
import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createCaller, createContext } from "../src";
import { outcome, ticketKit } from "./support/tickets";
import { useWorld } from "./support/world";

// Access is re-checked every second here, so lost access ends a stream quickly.
vi.stubEnv("REALTIME_RECHECK_SECONDS", "1");

const fixture = useWorld();
const kit = ticketKit(fixture);

type Item = { id?: string; data?: { type: string; payload: Record<string, unknown> } } & {
  type?: string;
  payload?: Record<string, unknown>;
};

/**
 * Reads a subscription in the background (it runs until the test file's
 * database and bus close); `until` waits for a condition on what arrived.
 */
function reader(iterable: AsyncIterable<unknown>) {
  const tracked: { id: string; type: string; payload: Record<string, unknown> }[] = [];
  const signals: { type: string; payload: Record<string, unknown> }[] = [];
  let ended = false;
  const done = (async () => {
    for await (const raw of iterable) {
      // Server-side, a tracked event is the tuple [id, data, symbol].
      if (Array.isArray(raw)) {
        const [id, data] = raw as [string, { type: string; payload: Record<string, unknown> }];
        tracked.push({ id, ...data });
      } else {
        const item = raw as Item;
        signals.push({ type: item.type!, payload: item.payload! });
      }
    }
    ended = true;
  })();
  const until = async (check: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  return { tracked, signals, done, until, ended: () => ended };
}

describe("ticket subscriptions", () => {
  it("delivers messages live to requester and staff, internal notes to staff only, and resumes", async () => {
    const { caller: member } = await kit.newMember();
    const staff = fixture.world.caller("moderator");
    const ticket = await kit.open(member);
    const mine = reader(await member.tickets.watch({ hubSlug: "alpha", ticketId: ticket.id }));
    const theirs = reader(await staff.tickets.watch({ hubSlug: "alpha", ticketId: ticket.id }));
    await mine.until(() => mine.signals.some((s) => s.type === "ready"));
    await theirs.until(() => theirs.signals.some((s) => s.type === "ready"));
    await member.tickets.messages.send({ hubSlug: "alpha", ticketId: ticket.id, body: "hello" });
    await staff.tickets.messages.send({
      hubSlug: "alpha",
      ticketId: ticket.id,
      body: "staff only",
      internal: true,
    });
    await staff.tickets.messages.send({ hubSlug: "alpha", ticketId: ticket.id, body: "hi there" });
    await theirs.until(
      () => theirs.tracked.filter((e) => e.type === "message.created").length === 3,
    );
    await mine.until(() => mine.tracked.filter((e) => e.type === "message.created").length === 2);
    expect(mine.tracked.some((e) => e.payload.internal === true)).toBe(false);
    // The viewers see each other, and typing is a live signal.
    await staff.tickets.typing({ hubSlug: "alpha", ticketId: ticket.id });
    await mine.until(() => mine.signals.some((s) => s.type === "typing"));
    expect(mine.signals.some((s) => s.type.startsWith("viewer."))).toBe(true);

    // Resuming after the first event replays the rest, once each, in order.
    const first = mine.tracked[0]!.id;
    const resumed = reader(
      await member.tickets.watch({ hubSlug: "alpha", ticketId: ticket.id, lastEventId: first }),
    );
    await resumed.until(() => resumed.tracked.length >= mine.tracked.length - 1);
    expect(resumed.tracked.map((e) => e.id)).toEqual(mine.tracked.slice(1).map((e) => e.id));
  });

  it("refuses another member's ticket, and ends the stream when the subscriber loses access", async () => {
    const { caller: owner } = await kit.newMember();
    const { user: other, caller: stranger } = await kit.newMember();
    const ticket = await kit.open(owner);
    expect(await outcome(stranger.tickets.watch({ hubSlug: "alpha", ticketId: ticket.id }))).toBe(
      "TICKET_NOT_FOUND",
    );
    const otherTicket = await kit.open(stranger);
    const live = reader(
      await stranger.tickets.watch({ hubSlug: "alpha", ticketId: otherTicket.id }),
    );
    await live.until(() => live.signals.some((s) => s.type === "ready"));
    // Removed from the hub: the stream ends at the next access check.
    const admin = fixture.world.principals.admin;
    await dismiss(
      fixture.db.db,
      {
        hubId: await kit.hubId(),
        userId: admin.userId,
        superAdmin: false,
        highest: 800,
        permissions: new Set(["member.manage"]),
      },
      other.id,
    );
    await live.until(live.ended, (getEnv().REALTIME_RECHECK_SECONDS + 5) * 1000);
  });

  it("ends a moderator's inbox and ticket streams when they are downgraded to member", async () => {
    const { user: modUser, caller: moderator } = await kit.newMember("alpha", "moderator");
    const { caller: member } = await kit.newMember();
    const ticket = await kit.open(member);
    const onIt = { hubSlug: "alpha", ticketId: ticket.id };
    const inbox = reader(await moderator.tickets.watchInbox({ hubSlug: "alpha" }));
    const watch = reader(await moderator.tickets.watch(onIt));
    await inbox.until(() => inbox.signals.some((s) => s.type === "ready"));
    await watch.until(() => watch.signals.some((s) => s.type === "ready"));
    await moderator.tickets.messages.send({ ...onIt, body: "note to staff", internal: true });
    await inbox.until(() => inbox.tracked.some((e) => e.payload.ticketId === ticket.id));
    await watch.until(() => watch.tracked.some((e) => e.payload.internal === true));

    // Member instead of moderator: no ticket.manage, and someone else's ticket.
    const admin = fixture.world.caller("admin");
    const roles = await listRoles(fixture.db.db, await kit.hubId());
    const roleId = (key: string) => roles.find((role) => role.key === key)!.id;
    await admin.members.grantRole({
      hubSlug: "alpha",
      userId: modUser.id,
      roleId: roleId("member"),
    });
    await admin.members.revokeRole({
      hubSlug: "alpha",
      userId: modUser.id,
      roleId: roleId("moderator"),
    });
    const wait = (getEnv().REALTIME_RECHECK_SECONDS + 5) * 1000;
    await inbox.until(inbox.ended, wait);
    await watch.until(watch.ended, wait);
    // Subscribing again answers as a member: the ticket is not theirs.
    expect(await outcome(moderator.tickets.watch(onIt))).toBe("TICKET_NOT_FOUND");
  });

  it("ends a member's ticket stream when their session is revoked", async () => {
    const { user, caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const db = fixture.db.db;
    const tokens = await createSession(db, { userId: user.id, kind: "api", mfaVerified: false });
    const principal = await resolvePrincipal(db, `Bearer ${tokens.accessToken}`);
    expect(principal?.sessionId).toBe(tokens.sessionId);
    const withSession = createCaller(
      createContext({
        db,
        dbKind: fixture.db.kind,
        headers: new Headers(),
        principal,
        bus: busFor(fixture.db),
      }),
    );
    const live = reader(await withSession.tickets.watch({ hubSlug: "alpha", ticketId: ticket.id }));
    await live.until(() => live.signals.some((s) => s.type === "ready"));
    await revokeSessions(db, { sessionId: tokens.sessionId }, "signed out elsewhere");
    await live.until(live.ended, (getEnv().REALTIME_RECHECK_SECONDS + 5) * 1000);
  });

  it("ends a ticket's streams when it is deleted, and deletes its stored events with it", async () => {
    const { caller: member } = await kit.newMember();
    const ticket = await kit.open(member);
    const onIt = { hubSlug: "alpha", ticketId: ticket.id };
    const live = reader(await member.tickets.watch(onIt));
    await live.until(() => live.signals.some((s) => s.type === "ready"));
    await member.tickets.messages.send({ ...onIt, body: "before the end" });
    await live.until(() => live.tracked.length === 1);
    expect(await kit.events(ticketStream(ticket.id))).toHaveLength(1);

    await fixture.world.caller("admin").tickets.delete(onIt);
    // The live ticket.deleted ends it at once (well before an access re-check would).
    await live.until(live.ended, 900);
    expect(live.signals.at(-1)).toMatchObject({
      type: "ticket.deleted",
      payload: { ticketId: ticket.id },
    });
    expect(await kit.events(ticketStream(ticket.id))).toEqual([]);
    const heads = await fixture.db.db
      .select()
      .from(schema.realtimeStreams)
      .where(eq(schema.realtimeStreams.stream, ticketStream(ticket.id)));
    expect(heads).toEqual([]);
  });

  it("tells inboxes about new messages: unread for others, internal notes to staff only", async () => {
    const { user: requester, caller: member } = await kit.newMember();
    const { caller: bystander } = await kit.newMember();
    const staff = fixture.world.caller("moderator");
    const ticket = await kit.open(member);
    const onIt = { hubSlug: "alpha", ticketId: ticket.id };
    const mine = reader(await member.tickets.watchInbox({ hubSlug: "alpha" }));
    const theirs = reader(await staff.tickets.watchInbox({ hubSlug: "alpha" }));
    const other = reader(await bystander.tickets.watchInbox({ hubSlug: "alpha" }));
    for (const live of [mine, theirs, other])
      await live.until(() => live.signals.some((s) => s.type === "ready"));

    const question = await member.tickets.messages.send({ ...onIt, body: "any news?" });
    const note = await staff.tickets.messages.send({ ...onIt, body: "checking", internal: true });
    const answer = await staff.tickets.messages.send({ ...onIt, body: "fixed now" });
    const activity = (live: ReturnType<typeof reader>) =>
      live.tracked.filter((e) => e.type === "ticket.activity" && e.payload.ticketId === ticket.id);
    await theirs.until(() => activity(theirs).length === 3);
    await mine.until(() => activity(mine).length === 2);
    const staffSaw = activity(theirs).map((e) => e.payload);
    expect(staffSaw.map((p) => [p.messageId, p.internal, p.unreadDelta])).toEqual([
      [question.id, false, 1],
      [note.id, true, 0],
      [answer.id, false, 0],
    ]);
    expect(staffSaw[0]).toMatchObject({
      number: ticket.number,
      createdBy: requester.id,
      authorId: requester.id,
      lastMessageAt: question.createdAt.toISOString(),
    });
    // The requester: their own message is not unread, the answer is; the note never arrives.
    expect(activity(mine).map((e) => [e.payload.messageId, e.payload.unreadDelta])).toEqual([
      [question.id, 0],
      [answer.id, 1],
    ]);
    // Another member hears nothing of a ticket that is not theirs (same stream, same reads).
    await other.until(() => other.tracked.length > 0 || theirs.tracked.length >= 3);
    expect(activity(other)).toEqual([]);
    // The unread counts the activity promises are what the query answers.
    expect((await member.tickets.unread({ hubSlug: "alpha" })).tickets).toContainEqual({
      ticketId: ticket.id,
      count: 1,
    });
  });
});
