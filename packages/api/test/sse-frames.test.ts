import { tracked } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { dataFrame } from "../src/sse/frames";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("SSE frames", () => {
  it("writes tracked values with their id and plain JSON on one data line", () => {
    const frame = text(
      dataFrame(tracked("7", { type: "message.created", payload: { body: "a\nb" } })),
    );
    expect(frame).toBe('id: 7\ndata: {"type":"message.created","payload":{"body":"a\\nb"}}\n\n');
    expect(text(dataFrame({ type: "ready", payload: {} }))).toBe(
      'data: {"type":"ready","payload":{}}\n\n',
    );
    expect(text(dataFrame(null))).toBe("data: null\n\n");
  });

  it("serializes an object shared by many subscribers once, and never reuses it under another id", () => {
    const shared = { type: "message.created", payload: { n: 1 } };
    const first = dataFrame(tracked("1", shared));
    expect(dataFrame(tracked("1", shared))).toBe(first);
    const other = dataFrame(tracked("2", shared));
    expect(other).not.toBe(first);
    expect(text(other)).toBe('id: 2\ndata: {"type":"message.created","payload":{"n":1}}\n\n');
    expect(text(dataFrame(shared))).toBe('data: {"type":"message.created","payload":{"n":1}}\n\n');
  });
});
