import { describe, expect, it } from "vitest";
import { clientView, eventFrame, failureFrame } from "../src/realtime";
import type { BusEvent } from "../src/realtime";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("SSE frames", () => {
  it("writes values with their id and plain JSON on one data line", () => {
    const frame = text(eventFrame("7", { type: "message.created", payload: { body: "a\nb" } }));
    expect(frame).toBe('id: 7\ndata: {"type":"message.created","payload":{"body":"a\\nb"}}\n\n');
    expect(text(eventFrame(null, { type: "ready", payload: {} }))).toBe(
      'data: {"type":"ready","payload":{}}\n\n',
    );
    expect(text(eventFrame(null, null))).toBe("data: null\n\n");
    expect(text(failureFrame({ code: "FORBIDDEN" }))).toBe(
      'event: failure\ndata: {"code":"FORBIDDEN"}\n\n',
    );
  });

  it("serializes an object shared by many subscribers once, and never reuses it under another id", () => {
    const shared = { type: "message.created", payload: { n: 1 } };
    const first = eventFrame("1", shared);
    expect(eventFrame("1", shared)).toBe(first);
    const other = eventFrame("2", shared);
    expect(other).not.toBe(first);
    expect(text(other)).toBe('id: 2\ndata: {"type":"message.created","payload":{"n":1}}\n\n');
    expect(text(eventFrame(null, shared))).toBe(
      'data: {"type":"message.created","payload":{"n":1}}\n\n',
    );
  });

  it("gives every subscriber of a bus item the same client view: type and payload only", () => {
    const item: BusEvent = {
      kind: "event",
      stream: "ticket:1",
      seq: 3,
      type: "message.created",
      hubId: "h",
      payload: { n: 1 },
      createdAt: new Date(),
    };
    expect(clientView(item)).toEqual({ type: "message.created", payload: { n: 1 } });
    expect(clientView(item)).toBe(clientView(item));
  });
});
