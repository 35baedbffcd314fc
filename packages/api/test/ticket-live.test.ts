import { dismiss, getEnv } from "@guildhall/core";
import { describe, expect, it } from "vitest";
import { outcome, ticketKit } from "./support/tickets";
import { useWorld } from "./support/world";

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
      "NOT_FOUND",
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
});
