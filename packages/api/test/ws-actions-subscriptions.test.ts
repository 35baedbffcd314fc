import { describe, expect, it } from "vitest";
import type { Principal } from "../src";
import { connected, contextsFor, until, type ActionClient } from "./support/action-socket";
import { ticketKit } from "./support/tickets";
import { useWorld } from "./support/world";

const fixture = useWorld();
const kit = ticketKit(fixture);

const contextsOf = (user: { id: string; username: string }, extra?: Partial<Principal>) =>
  contextsFor(fixture, user, extra);

type EventData = { type: string; payload: { preview?: string } };
const tracked = (client: ActionClient, id: string) =>
  client.events(id).filter((e) => e.eventId !== null);
const dataOf = (frame: { data?: unknown }) => frame.data as EventData;

describe("subscriptions over the action socket", () => {
  it("streams events in order, unsubscribes, resumes after a known id, and ends with the server", async () => {
    const { user, caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { hubSlug: "alpha", ticketId: ticket.id };
    const client = await connected(contextsOf(user));
    const subscribe = (id: string, extra: Record<string, unknown> = {}) =>
      client.send({
        action: "subscribe",
        id,
        input: { path: "tickets.watch", input: onIt, ...extra },
      });
    await subscribe("s1");
    expect(client.replyTo("s1")).toEqual({ action: "subscribe", id: "s1", success: true });
    await until(() => client.events("s1").some((e) => dataOf(e).type === "ready"));
    // A live id cannot be used twice.
    await subscribe("s1");
    expect(
      client.sent.filter((f) => f.id === "s1" && f.action === "subscribe").at(-1),
    ).toMatchObject({
      success: false,
      error: { code: "CONFLICT" },
    });

    for (const body of ["one", "two", "three"])
      await caller.tickets.messages.send({ ...onIt, body });
    await until(() => tracked(client, "s1").length === 3);
    expect(tracked(client, "s1").map((e) => dataOf(e).payload.preview)).toEqual([
      "one",
      "two",
      "three",
    ]);
    const ids = tracked(client, "s1").map((e) => Number(e.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // Unsubscribed: nothing more reaches s1, while s2 (subscribed after) sees the next message.
    expect(await client.call("unsubscribe")).toMatchObject({
      success: true,
      data: { ended: false },
    });
    await client.send({ action: "unsubscribe", id: "s1" });
    expect(client.sent.at(-1)).toEqual({
      action: "unsubscribe",
      id: "s1",
      success: true,
      data: { ended: true },
    });
    await subscribe("s2");
    await until(() => client.events("s2").some((e) => dataOf(e).type === "ready"));
    await caller.tickets.messages.send({ ...onIt, body: "four" });
    await until(() => tracked(client, "s2").length === 1);
    expect(tracked(client, "s1")).toHaveLength(3);

    // Resuming after the first event: the three after it, once each, in order.
    await subscribe("s3", { lastEventId: tracked(client, "s1")[0]!.eventId });
    await until(() => tracked(client, "s3").length >= 3);
    const expected = [...tracked(client, "s1").slice(1), ...tracked(client, "s2")].map(
      (e) => e.eventId,
    );
    expect(tracked(client, "s3").map((e) => e.eventId)).toEqual(expected);

    // The ticket deleted: the server ends both streams.
    await fixture.world.caller("admin").tickets.delete(onIt);
    await until(() =>
      ["s2", "s3"].every((id) => client.sent.some((f) => f.action === "end" && f.id === id)),
    );
    expect(client.sent.some((f) => f.action === "end" && f.id === "s1")).toBe(false);
  });

  it("refuses a subscription the caller may not have before it starts, and unknown paths", async () => {
    const { user } = await kit.newMember();
    const { caller: owner } = await kit.newMember();
    const ticket = await kit.open(owner);
    const client = await connected(contextsOf(user));
    const reply = async (id: string, path: unknown, input: unknown) => {
      await client.send({ action: "subscribe", id, input: { path, input } });
      return client.replyTo(id)?.error?.code;
    };
    expect(await reply("a", "tickets.watch", { hubSlug: "alpha", ticketId: ticket.id })).toBe(
      "TICKET_NOT_FOUND",
    );
    expect(await reply("b", "hubs.get", { hubSlug: "alpha" })).toBe("UNKNOWN_ACTION");
    expect(await reply("c", 5, {})).toBe("VALIDATION_FAILED");
    expect(await reply("d", "tickets.watch", { hubSlug: "alpha", ticketId: "x" })).toBe(
      "VALIDATION_FAILED",
    );
    await client.send({
      action: "subscribe",
      input: { path: "tickets.watchInbox", input: { hubSlug: "alpha" } },
    });
    expect(client.sent.at(-1)).toMatchObject({
      action: "subscribe",
      success: false,
      error: { code: "VALIDATION_FAILED", fieldErrors: { id: [expect.any(String)] } },
    });
  });

  it("caps live subscriptions per socket, and ends them all when the socket closes", async () => {
    const { user } = await kit.newMember();
    const client = await connected(contextsOf(user), { maxSubscriptions: 2 });
    const inbox = { path: "tickets.watchInbox", input: { hubSlug: "alpha" } };
    for (const id of ["i1", "i2", "i3"])
      await client.send({ action: "subscribe", id, input: inbox });
    expect(["i1", "i2", "i3"].map((id) => client.replyTo(id)?.success)).toEqual([
      true,
      true,
      false,
    ]);
    expect(client.replyTo("i3")?.error?.code).toBe("TOO_MANY_STREAMS");
    await until(() => client.events("i2").length > 0);
    client.connection.closed();
    // Their stream slots are free again: a new socket of the same user may hold STREAMS_PER_USER.
    const again = await connected(contextsOf(user), { maxSubscriptions: 64 });
    for (let i = 0; i < 16; i++) await again.send({ action: "subscribe", id: i, input: inbox });
    expect(again.sent.filter((f) => f.action === "subscribe" && f.success)).toHaveLength(16);
    again.connection.closed();
  });
});
