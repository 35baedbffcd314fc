import { hubTicketsStream, MAX_TICKET_REOPENS, ticketStream } from "@guildhall/core/tickets";
import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { appRouter } from "../src";
import { failure, outcome, ticketKit } from "./support/tickets";
import { useWorld } from "./support/world";

const fixture = useWorld();
const kit = ticketKit(fixture);
const as = (role: Parameters<typeof fixture.world.caller>[0]) => fixture.world.caller(role);
const alpha = { hubSlug: "alpha" };

beforeEach(() => resetRateLimiters());

/** English cooldown wording, with plurals: "in 59 minutes 1 second." */
function cooldownText(minutes: unknown, seconds: unknown): RegExp {
  const unit = (n: unknown, word: string) => `${String(n)} ${word}${Number(n) === 1 ? "" : "s"}`;
  return new RegExp(`in ${unit(minutes, "minute")} ${unit(seconds, "second")}\\.$`);
}

describe("creating tickets", () => {
  it("validates subject, description and the hub's categories, with the field named", async () => {
    const { caller } = await kit.newMember();
    const short = await failure(kit.open(caller, { subject: "Hi" }));
    expect(short.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(short.fieldErrors)).toEqual(["subject"]);
    const description = await failure(kit.open(caller, { description: "too short" }));
    expect(Object.keys(description.fieldErrors)).toEqual(["description"]);
    const tooLong = await failure(kit.open(caller, { description: "x".repeat(2001) }));
    expect(Object.keys(tooLong.fieldErrors)).toEqual(["description"]);
    const category = await failure(kit.open(caller, { category: "Refunds" }));
    expect(category.code).toBe("VALIDATION_FAILED");
    expect(category.fieldErrors.category).toEqual(["Choose one of this hub's ticket categories."]);
    // Categories match case-insensitively and are stored as the hub spells them.
    const ticket = await kit.open(caller, { category: "bug" });
    expect(ticket).toMatchObject({ category: "Bug", status: "open", priority: "normal" });
  });

  it("is refused for guests and for other hubs' members", async () => {
    expect(await outcome(kit.open(as("guest")))).toBe("PERMISSION_DENIED");
    expect(await outcome(kit.open(as("otherHub")))).toBe("HUB_NOT_FOUND");
    expect(await outcome(as("otherHub").tickets.list(alpha))).toBe("HUB_NOT_FOUND");
  });

  it("numbers tickets per hub, consecutively even when ten members open at once", async () => {
    const members = await Promise.all(Array.from({ length: 10 }, () => kit.newMember()));
    const tickets = await Promise.all(members.map(({ caller }) => kit.open(caller)));
    const numbers = tickets.map((t) => t.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers.at(-1)! - numbers[0]!).toBe(9);
    const [counter] = await fixture.db.db
      .select()
      .from(schema.ticketCounters)
      .where(eq(schema.ticketCounters.hubId, await kit.hubId()));
    expect(counter!.lastNumber).toBe(numbers.at(-1));
    // Another hub counts from 1.
    const beta = await as("otherHub").tickets.create({
      hubSlug: "beta",
      subject: "Beta question",
      description: "A question for the beta hub staff.",
      category: "Support",
    });
    expect(beta.number).toBe(1);
  });

  it("makes non-staff wait an hour between tickets and says how long", async () => {
    const { user, caller } = await kit.newMember();
    // The wait counts from the first ticket: bounded by the seconds this test has taken
    // since just before it (however slow the machine), not by an assumed 10 s.
    const started = Date.now();
    const taken = () => Math.ceil((Date.now() - started) / 1000) + 1;
    await kit.open(caller);
    const before = await kit.eventCount();
    const refused = await failure(kit.open(caller));
    expect(refused.code).toBe("TICKET_COOLDOWN");
    expect(refused.httpStatus).toBe(429);
    const wait = (params: Record<string, string | number>) =>
      Number(params.minutes) * 60 + Number(params.seconds);
    const first = wait(refused.cause.params);
    expect(first).toBeGreaterThanOrEqual(3600 - taken());
    expect(first).toBeLessThanOrEqual(3600);
    const { minutes, seconds } = refused.cause.params;
    expect(refused.message).toMatch(cooldownText(minutes, seconds));
    expect(Number(seconds)).toBeLessThan(60);
    expect(refused.details?.retry_after).toBe(first);
    expect(await kit.eventCount()).toBe(before);
    // Half an hour later the wait is half as long.
    await kit.age(user.id, 30);
    const later = wait((await failure(kit.open(caller))).cause.params);
    expect(later).toBeGreaterThanOrEqual(1800 - taken());
    expect(later).toBeLessThanOrEqual(1800);
    await kit.age(user.id, 31);
    expect(await outcome(kit.open(caller))).toBe("ok");
  });

  it("takes the cooldown from the hub's tickets configuration (0 = none)", async () => {
    const admin = as("admin");
    const cooldown = (minutes: number) =>
      admin.config.updateSection({
        ...alpha,
        section: "tickets",
        data: { cooldown_minutes: minutes },
      });
    try {
      await cooldown(0);
      const { caller } = await kit.newMember();
      expect(await outcome(kit.open(caller))).toBe("ok");
      expect(await outcome(kit.open(caller))).toBe("ok");
      // The open-ticket limit still holds without a cooldown.
      expect(await outcome(kit.open(caller))).toBe("ok");
      expect(await outcome(kit.open(caller))).toBe("TICKET_LIMIT_REACHED");

      await cooldown(1);
      const { user, caller: next } = await kit.newMember();
      const started = Date.now();
      await kit.open(next);
      const refused = await failure(kit.open(next));
      expect(refused.code).toBe("TICKET_COOLDOWN");
      const { minutes, seconds } = refused.cause.params;
      const left = Number(minutes) * 60 + Number(seconds);
      expect(left).toBeGreaterThanOrEqual(60 - Math.ceil((Date.now() - started) / 1000) - 1);
      expect(left).toBeLessThanOrEqual(60);
      expect(refused.details?.retry_after).toBe(left);
      expect(refused.message).toMatch(cooldownText(minutes, seconds));
      await kit.age(user.id, 1);
      expect(await outcome(kit.open(next))).toBe("ok");
    } finally {
      await cooldown(60);
    }
  });

  it("exempts staff from the cooldown and the open-ticket limit", async () => {
    const { caller } = await kit.newMember("alpha", "moderator");
    for (let i = 0; i < 4; i++) expect(await outcome(kit.open(caller))).toBe("ok");
  });

  it("holds non-staff to max_open_per_user, counting reopened tickets", async () => {
    const { user, caller } = await kit.newMember();
    const opened = [];
    for (let i = 0; i < 3; i++) {
      opened.push(await kit.open(caller));
      await kit.age(user.id);
    }
    const refused = await failure(kit.open(caller));
    expect(refused.code).toBe("TICKET_LIMIT_REACHED");
    expect(refused.cause.params.limit).toBe(3);
    await caller.tickets.close({ ...alpha, ticketId: opened[0]!.id });
    const fourth = await kit.open(caller);
    await kit.age(user.id);
    // Reopening the closed one would make four open tickets.
    expect(await outcome(caller.tickets.reopen({ ...alpha, ticketId: opened[0]!.id }))).toBe(
      "TICKET_LIMIT_REACHED",
    );
    await caller.tickets.close({ ...alpha, ticketId: fourth.id });
    expect(await outcome(caller.tickets.reopen({ ...alpha, ticketId: opened[0]!.id }))).toBe("ok");
  });

  it("is refused with TICKETS_DISABLED while the hub's tickets section is switched off", async () => {
    const { caller } = await kit.newMember();
    await as("admin").config.updateSection({
      ...alpha,
      section: "tickets",
      data: { enabled: false },
    });
    try {
      const refused = await failure(kit.open(caller));
      expect(refused.code).toBe("TICKETS_DISABLED");
      expect(refused.httpStatus).toBe(403);
    } finally {
      await as("admin").config.updateSection({
        ...alpha,
        section: "tickets",
        data: { enabled: true },
      });
    }
    expect(await outcome(kit.open(caller))).toBe("ok");
  });

  it("publishes ticket.created on the hub's stream with a small payload", async () => {
    const { user, caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const events = (await kit.events(hubTicketsStream(await kit.hubId()))).filter(
      (e) => e.payload.ticketId === ticket.id,
    );
    expect(events.map((e) => e.type)).toEqual(["ticket.created"]);
    expect(events[0]!.payload).toMatchObject({
      ticketId: ticket.id,
      number: ticket.number,
      createdBy: user.id,
      status: "open",
    });
    expect(JSON.stringify(events[0]!.payload).length).toBeLessThan(1024);
  });
});

describe("who sees a ticket", () => {
  it("shows staff every ticket and members only their own (TICKET_NOT_FOUND otherwise)", async () => {
    const owner = await kit.newMember();
    const other = await kit.newMember();
    const ticket = await kit.open(owner.caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    expect((await owner.caller.tickets.get(onIt)).id).toBe(ticket.id);
    expect((await as("moderator").tickets.get(onIt)).createdByName).toBe(owner.user.username);
    const t = other.caller.tickets;
    for (const call of [
      () => t.get(onIt),
      () => t.messages.list(onIt),
      () => t.messages.send({ ...onIt, body: "Me too!" }),
      () => t.close(onIt),
      () => t.reopen(onIt),
      () => t.markRead(onIt),
      () => t.transcript(onIt),
      () => t.attachments.upload({ ...onIt, name: "a.txt", data: "aGk=" }),
    ])
      expect(await outcome(call())).toBe("TICKET_NOT_FOUND");
    const mine = await other.caller.tickets.list({ ...alpha, limit: 100 });
    expect(mine.items.map((t) => t.id)).not.toContain(ticket.id);
    const all = await as("moderator").tickets.list({ ...alpha, limit: 100 });
    expect(all.items.map((t) => t.id)).toContain(ticket.id);
    // `mine` narrows staff to the tickets they opened themselves.
    const staffOwn = await as("moderator").tickets.list({ ...alpha, mine: "true", limit: 100 });
    expect(staffOwn.items.map((t) => t.id)).not.toContain(ticket.id);
    expect(
      (await owner.caller.tickets.list({ ...alpha, mine: "true", limit: 100 })).items.map(
        (t) => t.id,
      ),
    ).toContain(ticket.id);
    // Another hub's staff do not find it through their own hub either.
    expect(
      await outcome(as("otherHub").tickets.get({ hubSlug: "beta", ticketId: ticket.id })),
    ).toBe("TICKET_NOT_FOUND");
    expect(await outcome(as("otherHub").tickets.get(onIt))).toBe("HUB_NOT_FOUND");
    expect(await outcome(as("guest").tickets.get(onIt))).toBe("PERMISSION_DENIED");
  });
});

describe("claim, assign and unassign", () => {
  it("lets staff claim, assign to ticket staff and unassign, with audit rows and events", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    const { principals } = fixture.world;
    expect(await outcome(caller.tickets.claim(onIt))).toBe("PERMISSION_DENIED");
    expect(
      await outcome(caller.tickets.assign({ ...onIt, assigneeId: principals.member.userId })),
    ).toBe("PERMISSION_DENIED");
    expect((await as("moderator").tickets.claim(onIt)).assigneeId).toBe(
      principals.moderator.userId,
    );
    // Claiming again is a no-op; someone else's claim is refused.
    expect(await outcome(as("moderator").tickets.claim(onIt))).toBe("ok");
    expect(await outcome(as("admin").tickets.claim(onIt))).toBe("TICKET_ALREADY_CLAIMED");
    const toMember = await failure(
      as("admin").tickets.assign({ ...onIt, assigneeId: principals.member.userId }),
    );
    expect(toMember.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(toMember.fieldErrors)).toEqual(["assigneeId"]);
    expect(
      await outcome(
        as("admin").tickets.assign({ ...onIt, assigneeId: principals.otherHub.userId }),
      ),
    ).toBe("VALIDATION_FAILED");
    const assigned = await as("admin").tickets.assign({
      ...onIt,
      assigneeId: principals.owner.userId,
    });
    expect(assigned.assigneeId).toBe(principals.owner.userId);
    expect((await as("moderator").tickets.get(onIt)).assigneeName).toBe("owneruser");
    expect((await as("moderator").tickets.unassign(onIt)).assigneeId).toBeNull();

    expect((await kit.audit("ticket.claim", ticket.id)).length).toBe(1);
    expect((await kit.audit("ticket.assign", ticket.id))[0]!.after).toEqual({
      assigneeId: principals.owner.userId,
    });
    expect((await kit.audit("ticket.unassign", ticket.id)).length).toBe(1);
    const onTicket = await kit.events(ticketStream(ticket.id));
    expect(
      onTicket.map((e) => [e.type, (e.payload.changes as { assigneeId: string }).assigneeId]),
    ).toEqual([
      ["ticket.updated", principals.moderator.userId],
      ["ticket.updated", principals.owner.userId],
      ["ticket.updated", null],
    ]);
    const onHub = (await kit.events(hubTicketsStream(await kit.hubId()))).filter(
      (e) => e.payload.ticketId === ticket.id,
    );
    expect(onHub.map((e) => e.type)).toEqual([
      "ticket.created",
      "ticket.updated",
      "ticket.updated",
      "ticket.updated",
    ]);
  });

  it("filters the list by assignee and by being unassigned", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    await as("admin").tickets.claim({ ...alpha, ticketId: ticket.id });
    const byAdmin = await as("moderator").tickets.list({
      ...alpha,
      assigneeId: fixture.world.principals.admin.userId,
    });
    expect(byAdmin.items.map((t) => t.id)).toEqual([ticket.id]);
    const loose = await kit.open((await kit.newMember()).caller);
    const unassigned = await as("moderator").tickets.list({
      ...alpha,
      unassigned: "true",
      limit: 100,
    });
    expect(unassigned.items.map((t) => t.id)).toContain(loose.id);
    expect(unassigned.items.map((t) => t.id)).not.toContain(ticket.id);
    expect(unassigned.items.every((t) => t.assigneeId === null)).toBe(true);
  });
});

describe("closing, reopening and deleting", () => {
  it("lets the creator close and reopen at most three times, with an optional reason", async () => {
    const { user, caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    expect(await outcome(caller.tickets.reopen(onIt))).toBe("TICKET_NOT_CLOSED");
    const closed = await caller.tickets.close({ ...onIt, reason: "Found it myself" });
    expect(closed).toMatchObject({
      status: "closed",
      closedBy: user.id,
      closeReason: "Found it myself",
    });
    expect(await outcome(caller.tickets.close(onIt))).toBe("TICKET_CLOSED");
    expect(await outcome(caller.tickets.messages.send({ ...onIt, body: "Hello?" }))).toBe(
      "TICKET_CLOSED",
    );
    expect(await outcome(as("moderator").tickets.claim(onIt))).toBe("TICKET_CLOSED");
    for (let i = 1; i <= MAX_TICKET_REOPENS; i++) {
      const reopened = await caller.tickets.reopen(onIt);
      expect(reopened).toMatchObject({
        status: "open",
        reopenCount: i,
        closedAt: null,
        closeReason: null,
      });
      await (i % 2 ? as("moderator") : caller).tickets.close(onIt);
    }
    const before = await kit.eventCount();
    const refused = await failure(caller.tickets.reopen(onIt));
    expect(refused.code).toBe("TICKET_REOPEN_LIMIT");
    expect(refused.message).toContain("3 times");
    // Staff are held to the same limit.
    expect(await outcome(as("admin").tickets.reopen(onIt))).toBe("TICKET_REOPEN_LIMIT");
    expect(await kit.eventCount()).toBe(before);
    // Only staff closes are audited (two of the four closes here).
    expect((await kit.audit("ticket.close", ticket.id)).length).toBe(2);
    const types = (await kit.events(ticketStream(ticket.id))).map(
      (e) => `${e.type}:${(e.payload.changes as { status?: string }).status}`,
    );
    expect(types).toEqual([
      "ticket.updated:closed",
      ...Array.from({ length: MAX_TICKET_REOPENS }, () => [
        "ticket.updated:open",
        "ticket.updated:closed",
      ]).flat(),
    ]);
  });

  it("lets staff change status, priority and tags (audited), refusing closed", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    expect(await outcome(caller.tickets.update({ ...onIt, status: "pending" }))).toBe(
      "PERMISSION_DENIED",
    );
    const updated = await as("moderator").tickets.update({
      ...onIt,
      status: "on_hold",
      priority: "urgent",
      tags: ["Billing", "billing", "vip"],
    });
    expect(updated).toMatchObject({
      status: "on_hold",
      priority: "urgent",
      tags: ["billing", "vip"],
    });
    const [row] = await kit.audit("ticket.update", ticket.id);
    expect(row!.before).toEqual({ status: "open", priority: "normal", tags: [] });
    // Nothing changed: no audit row, no event.
    const before = await kit.eventCount();
    await as("moderator").tickets.update({ ...onIt, priority: "urgent" });
    expect(await kit.eventCount()).toBe(before);
    const bad = await failure(
      as("moderator").tickets.update({ ...onIt, status: "closed" as "open" }),
    );
    expect(Object.keys(bad.fieldErrors)).toEqual(["status"]);
    await caller.tickets.close(onIt);
    expect(await outcome(as("moderator").tickets.update({ ...onIt, status: "open" }))).toBe(
      "TICKET_CLOSED",
    );
  });

  it("lets only admins delete, removing messages and events and publishing ticket.deleted", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    await caller.tickets.messages.send({ ...onIt, body: "Some detail" });
    expect(await outcome(caller.tickets.delete(onIt))).toBe("PERMISSION_DENIED");
    expect(await outcome(as("moderator").tickets.delete(onIt))).toBe("PERMISSION_DENIED");
    expect(await as("admin").tickets.delete(onIt)).toEqual({ deleted: true });
    expect(await outcome(as("admin").tickets.get(onIt))).toBe("TICKET_NOT_FOUND");
    expect(await outcome(as("admin").tickets.delete(onIt))).toBe("TICKET_NOT_FOUND");
    const left = await fixture.db.db
      .select()
      .from(schema.ticketMessages)
      .where(eq(schema.ticketMessages.ticketId, ticket.id));
    expect(left).toEqual([]);
    expect((await kit.audit("ticket.delete", ticket.id)).length).toBe(1);
    // The ticket's own stream goes with it (its viewers get a live signal); the hub's keeps the news.
    expect(await kit.events(ticketStream(ticket.id))).toEqual([]);
    const heads = await fixture.db.db
      .select()
      .from(schema.realtimeStreams)
      .where(eq(schema.realtimeStreams.stream, ticketStream(ticket.id)));
    expect(heads).toEqual([]);
    const onHub = (await kit.events(hubTicketsStream(await kit.hubId()))).filter(
      (e) => e.payload.ticketId === ticket.id,
    );
    expect(onHub.map((e) => e.type)).toEqual([
      "ticket.created",
      "ticket.activity",
      "ticket.deleted",
    ]);
  });
});

describe("messages, internal notes and unread counts", () => {
  it("hides internal notes from the requester, in messages and in unread counts", async () => {
    const requester = await kit.newMember();
    const ticket = await kit.open(requester.caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    const markdown = "**Steps**\n\n1. open the app\n2. `press join`";
    const first = await requester.caller.tickets.messages.send({ ...onIt, body: markdown });
    expect(first.body).toBe(markdown);
    expect(
      await outcome(requester.caller.tickets.messages.send({ ...onIt, body: "x", internal: true })),
    ).toBe("PERMISSION_DENIED");
    const note = await as("moderator").tickets.messages.send({
      ...onIt,
      body: "Probably the known caching bug",
      internal: true,
    });
    // An internal note is no first response.
    expect((await as("moderator").tickets.get(onIt)).firstRespondedAt).toBeNull();
    const reply = await as("moderator").tickets.messages.send({ ...onIt, body: "We are on it." });

    const seen = await requester.caller.tickets.messages.list(onIt);
    expect(seen.items.map((m) => m.id)).toEqual([reply.id, first.id]);
    expect(seen.items.map((m) => m.byRequester)).toEqual([false, true]);
    const staff = await as("moderator").tickets.messages.list(onIt);
    expect(staff.items.map((m) => m.id)).toEqual([reply.id, note.id, first.id]);
    expect(staff.items[1]).toMatchObject({ internal: true, authorName: "moderatoruser" });

    // The requester has one unread (the reply), the moderator one (the requester's message).
    expect((await requester.caller.tickets.get(onIt)).unreadCount).toBe(1);
    expect(await requester.caller.tickets.unread(alpha)).toEqual({
      total: 1,
      tickets: [{ ticketId: ticket.id, count: 1 }],
    });
    const admin = await as("admin").tickets.list({ ...alpha, limit: 100 });
    expect(admin.items.find((t) => t.id === ticket.id)!.unreadCount).toBe(3);
    const read = await requester.caller.tickets.markRead(onIt);
    expect(read.lastReadMessageId).toBe(reply.id);
    expect((await requester.caller.tickets.get(onIt)).unreadCount).toBe(0);
    // A later internal note does not count for the requester; a public reply does.
    await as("moderator").tickets.messages.send({ ...onIt, body: "note", internal: true });
    expect((await requester.caller.tickets.unread(alpha)).total).toBe(0);
    await as("admin").tickets.messages.send({ ...onIt, body: "Fixed now, please retry." });
    expect((await requester.caller.tickets.unread(alpha)).total).toBe(1);

    // The first public staff answer set firstRespondedAt.
    const got = await as("moderator").tickets.get(onIt);
    expect(got.firstRespondedAt?.getTime()).toBe(reply.createdAt.getTime());

    const events = await kit.events(ticketStream(ticket.id));
    expect(events.map((e) => [e.seq, e.type, e.payload.internal])).toEqual([
      [1, "message.created", false],
      [2, "message.created", true],
      [3, "message.created", false],
      [4, "message.created", true],
      [5, "message.created", false],
    ]);
    expect(events[0]!.payload).toMatchObject({
      messageId: first.id,
      authorId: requester.user.id,
      preview: markdown,
    });
  });

  it("keeps event payloads small for long messages", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    await caller.tickets.messages.send({ ...alpha, ticketId: ticket.id, body: "é".repeat(4000) });
    const [event] = await kit.events(ticketStream(ticket.id));
    expect((event!.payload.preview as string).length).toBeLessThanOrEqual(201);
    expect(Buffer.byteLength(JSON.stringify(event!.payload))).toBeLessThan(1024);
  });

  it("lets authors edit their own messages only", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    const mine = await caller.tickets.messages.send({ ...onIt, body: "Frist try" });
    const note = await as("moderator").tickets.messages.send({
      ...onIt,
      body: "n",
      internal: true,
    });
    const edited = await caller.tickets.messages.edit({
      ...onIt,
      messageId: mine.id,
      body: "First try",
    });
    expect(edited.body).toBe("First try");
    expect(edited.editedAt).not.toBeNull();
    expect(
      await outcome(
        as("moderator").tickets.messages.edit({ ...onIt, messageId: mine.id, body: "x" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(caller.tickets.messages.edit({ ...onIt, messageId: note.id, body: "x" })),
    ).toBe("TICKET_MESSAGE_NOT_FOUND");
    const types = (await kit.events(ticketStream(ticket.id))).map((e) => e.type);
    expect(types).toEqual(["message.created", "message.created", "message.edited"]);
  });

  it("rate-limits sending per user", async () => {
    const { caller } = await kit.newMember("alpha", "moderator");
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    for (let i = 0; i < 20; i++) await caller.tickets.messages.send({ ...onIt, body: `m${i}` });
    expect(await outcome(caller.tickets.messages.send({ ...onIt, body: "one more" }))).toBe(
      "RATE_LIMITED",
    );
  });
});

describe("listing", () => {
  it("pages through filtered tickets without gaps or repeats", async () => {
    const { caller } = await kit.newMember("alpha", "moderator");
    const made: { id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const ticket = await kit.open(caller, { category: i % 2 ? "Bug" : "Support" });
      made.push(
        await caller.tickets.update({
          ...alpha,
          ticketId: ticket.id,
          tags: ["paging"],
          priority: i < 3 ? "high" : "low",
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.tickets.list({ ...alpha, tag: "paging", limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(made.map((t) => t.id).reverse());

    const ids = async (filter: Record<string, string>) =>
      (await caller.tickets.list({ ...alpha, tag: "paging", limit: 100, ...filter })).items
        .map((t) => t.id)
        .sort();
    const pick = (test: (i: number) => boolean) =>
      made
        .filter((_, i) => test(i))
        .map((t) => t.id)
        .sort();
    expect(await ids({ category: "bug" })).toEqual(pick((i) => i % 2 === 1));
    expect(await ids({ priority: "high" })).toEqual(pick((i) => i < 3));
    await caller.tickets.close({ ...alpha, ticketId: made[0]!.id });
    await caller.tickets.update({ ...alpha, ticketId: made[1]!.id, status: "pending" });
    expect(await ids({ status: "closed" })).toEqual(pick((i) => i === 0));
    expect(await ids({ status: "pending" })).toEqual(pick((i) => i === 1));
    expect(await ids({ status: "active" })).toEqual(pick((i) => i > 0));
    expect(await ids({ tag: "nothing-here" })).toEqual([]);
    expect(await outcome(caller.tickets.list({ ...alpha, status: "gone" as "open" }))).toBe(
      "VALIDATION_FAILED",
    );
  });
});

describe("REST", () => {
  it("routes literal segments (unread, canned-replies, sla-policies) before {ticketId}", () => {
    const paths = Object.keys(appRouter._def.procedures);
    const get = paths.indexOf("tickets.get");
    for (const literal of ["tickets.unread", "tickets.cannedReplies.list", "tickets.sla.list"])
      expect(paths.indexOf(literal)).toBeLessThan(get);
    expect(paths.indexOf("tickets.sla.set")).toBeLessThan(paths.indexOf("tickets.assign"));
    expect(paths.indexOf("tickets.sla.delete")).toBeLessThan(paths.indexOf("tickets.unassign"));
  });
});
