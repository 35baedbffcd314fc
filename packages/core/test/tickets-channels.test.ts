import { describe, expect, it } from "vitest";
import type { HubActor } from "../src/access";
import type { BusItem } from "../src/realtime";
import { ticketChannel, ticketInboxChannel, ticketItemVisibleTo } from "../src/tickets";

const actor = (permissions: string[], userId = "u1"): HubActor => ({
  hubId: "h",
  userId,
  superAdmin: false,
  highest: 200,
  permissions: new Set(permissions),
});
const staff = actor(["ticket.read", "ticket.manage"], "staff");
const requester = actor(["ticket.read"], "u1");
const event = (payload: Record<string, unknown>): BusItem => ({
  kind: "event",
  stream: "hub-tickets:h",
  seq: 1,
  type: "ticket.activity",
  hubId: "h",
  payload,
  createdAt: new Date(),
});
const signal = (payload: Record<string, unknown>): BusItem => ({
  kind: "signal",
  stream: "ticket:t",
  type: "typing",
  payload,
});

describe("ticket channels: who gets a live item", () => {
  it("never sends an internal note, or its activity, to anyone but staff", () => {
    const note = event({ createdBy: "u1", internal: true });
    expect(ticketItemVisibleTo(requester, note)).toBe(false);
    expect(ticketItemVisibleTo(staff, note)).toBe(true);
    expect(ticketItemVisibleTo({ ...requester, superAdmin: true }, note)).toBe(true);
    // Both channels apply the one rule.
    expect(ticketChannel.visibleTo(requester, note)).toBe(false);
    expect(ticketInboxChannel.visibleTo(requester, note)).toBe(false);
  });

  it("sends members the items of their own tickets only; signals carry no owner and pass", () => {
    expect(ticketItemVisibleTo(requester, event({ createdBy: "u1", internal: false }))).toBe(true);
    expect(ticketItemVisibleTo(requester, event({ createdBy: "u2", internal: false }))).toBe(false);
    expect(ticketItemVisibleTo(staff, event({ createdBy: "u2" }))).toBe(true);
    expect(ticketItemVisibleTo(requester, signal({ userId: "staff" }))).toBe(true);
  });

  it("keeps staff subscribers to ticket.manage, and everyone to ticket.read", () => {
    expect(ticketChannel.checkKey(staff)).toBe("ticket.read,ticket.manage");
    expect(ticketChannel.checkKey(requester)).toBe("ticket.read");
    expect(ticketChannel.presence).toBe(true);
    expect(ticketInboxChannel.presence).toBe(false);
    expect(ticketChannel.stream({ ticketId: "t" })).toBe("ticket:t");
    expect(ticketInboxChannel.stream({ hubId: "h" })).toBe("hub-tickets:h");
  });
});
