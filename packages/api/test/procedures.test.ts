import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getEventListeners } from "node:events";
import { createCaller, createContext, describeError } from "../src";
import { useWorld } from "./support/world";

const fixture = useWorld();

async function failure(promise: Promise<unknown>, locale: "en" | "de" = "en") {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return describeError(error as TRPCError, locale, "req-1");
}

describe("system.health", () => {
  it("reports the database, version and uptime", async () => {
    const health = await fixture.world.caller("anonymous").system.health();
    expect(health).toMatchObject({
      status: "ok",
      version: expect.any(String),
      database: { ok: true, kind: fixture.db.kind },
    });
  });
});

describe("system.watchHealth", () => {
  it("streams tracked health events and continues the count after lastEventId", async () => {
    const stream = await fixture.world
      .caller("anonymous")
      .system.watchHealth({ intervalSeconds: 1, lastEventId: "41" });
    const received: unknown[] = [];
    for await (const event of stream) {
      received.push(event);
      if (received.length === 2) break;
    }
    // Server-side, a tracked event is the tuple [id, data].
    expect(
      received.map((event) => (event as [string, { status: string }]).slice(0, 2)),
    ).toMatchObject([
      ["42", { status: "ok" }],
      ["43", { status: "ok" }],
    ]);
  });

  it("leaves no abort listener behind from one update to the next", async () => {
    const stop = new AbortController();
    const caller = createCaller(
      createContext({
        db: fixture.db.db,
        dbKind: fixture.db.kind,
        headers: new Headers(),
        peer: "10.0.0.99",
        principal: null,
        bus: null,
      }),
      { signal: stop.signal },
    );
    const stream = await caller.system.watchHealth({ intervalSeconds: 1 });
    const listeners: number[] = [];
    for await (const _ of stream) {
      listeners.push(getEventListeners(stop.signal, "abort").length);
      if (listeners.length === 3) break;
    }
    // A long-lived status page must not gain a listener per interval.
    expect(listeners).toEqual([listeners[0], listeners[0], listeners[0]]);
    stop.abort();
  });
});

describe("hubs", () => {
  it("shows a hub's public card to anyone and NOT_FOUND for unknown slugs", async () => {
    expect(await fixture.world.caller("anonymous").hubs.get({ hubSlug: "ALPHA" })).toMatchObject({
      slug: "alpha",
      name: "Alpha",
    });
    const error = await failure(
      fixture.world.caller("anonymous").hubs.get({ hubSlug: "nope" }),
      "de",
    );
    expect(error).toMatchObject({
      code: "HUB_NOT_FOUND",
      httpStatus: 404,
      message: "Es gibt keinen Hub „nope“, oder du bist kein Mitglied.",
    });
  });

  it("lists the caller's own hubs with their role", async () => {
    const mine = await fixture.world.caller("moderator").hubs.listMine();
    expect(mine.items.map((h) => [h.slug, h.role])).toEqual([["alpha", "moderator"]]);
  });

  it("rejects bad input with a translated message per field", async () => {
    const error = await failure(
      fixture.world.caller("anonymous").hubs.get({ hubSlug: "a!" }),
      "de",
    );
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      httpStatus: 400,
      message: "Einige Felder sind ungültig.",
      fieldErrors: { hubSlug: ["Mindestens 3 Zeichen.", "Enthält hier nicht erlaubte Zeichen."] },
    });
  });
});

describe("audit.list", () => {
  it("takes the hub from the x-hub header as well as from the input", async () => {
    const viaHeader = await fixture.world.caller("owner", { hub: "alpha" }).audit.list({} as never);
    expect(viaHeader.items.map((e) => e.action)).toContain("hub.create");
  });

  it("asks for a hub when none is named", async () => {
    const error = await failure(fixture.world.caller("owner").audit.list({} as never));
    expect(error.code).toBe("HUB_REQUIRED");
  });

  it("validates filters", async () => {
    const error = await failure(
      fixture.world.caller("owner").audit.list({ hubSlug: "alpha", limit: 1000, cursor: "x" }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["cursor", "limit"]);
  });
});

describe("unexpected errors", () => {
  it("answer INTERNAL with the request id and no internals", () => {
    const body = describeError(
      new TRPCError({
        code: "INTERNAL_SERVER_ERROR",
        cause: new Error("relation x does not exist"),
      }),
      "ru",
      "abc",
    );
    expect(body).toEqual({
      code: "INTERNAL",
      httpStatus: 500,
      message: "Что-то пошло не так на нашей стороне (запрос abc).",
      fieldErrors: {},
      requestId: "abc",
    });
  });
});
