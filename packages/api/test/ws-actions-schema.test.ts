import { describe, expect, it } from "vitest";
import { appRouter } from "../src";
import { actionSchemas, asyncApiDocument } from "../src/ws-actions";

type Json = Record<string, unknown>;
const kinds = Object.fromEntries(
  Object.entries(
    appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
  ).map(([path, p]) => [path, p._def.type]),
);
const calls = Object.keys(kinds).filter((path) => kinds[path] !== "subscription");
const subscriptions = Object.keys(kinds).filter((path) => kinds[path] === "subscription");

/** The value at a local `$ref` ("#/a/b"), or undefined. */
function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === "object" && Object.hasOwn(node, key)
          ? (node as Json)[key]
          : undefined,
      document,
    );
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value))
      if (key === "$ref") found.push(child as string);
      else refsIn(child, found);
  return found;
}

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

describe("action schemas", () => {
  it("cover every query and mutation with JSON Schema objects for input and output", () => {
    expect(calls.length).toBeGreaterThan(100);
    const schemas = actionSchemas();
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(kinds).sort());
    for (const path of calls) {
      expect(schemas[path]!.kind, path).toBe(kinds[path]);
      expect(isObject(schemas[path]!.input), path).toBe(true);
      expect(isObject(schemas[path]!.output), path).toBe(true);
      // Self-contained: every ref points into the schema itself.
      for (const ref of refsIn(schemas[path]))
        expect(
          resolve(schemas[path]!.output, ref) ?? resolve(schemas[path]!.input, ref),
          `${path} ${ref}`,
        ).toBeDefined();
    }
  });

  it("say what the wire carries: required inputs, dates as strings", () => {
    const { input } = actionSchemas()["hubs.get"]!;
    expect(input).toMatchObject({ type: "object", required: ["hubSlug"] });
    const output = actionSchemas()["tickets.get"]!.output;
    // A named schema (zod `meta({ id })`) sits in `$defs`, the root refers to it.
    const ticket = (resolve(output, output.$ref as string) ?? output) as { properties: Json };
    expect(ticket.properties.createdAt).toEqual({ type: "string", format: "date-time" });
  });
});

describe("the AsyncAPI document", () => {
  const document = asyncApiDocument("wss://guild.example:8443/api/ws/actions") as Json & {
    channels: { actions: Json & { messages: Record<string, { $ref: string }> } };
    operations: Record<
      string,
      Json & { messages: { $ref: string }[]; reply?: { messages: { $ref: string }[] } }
    >;
    components: { messages: Record<string, Json & { payload: unknown }>; schemas: Json };
  };

  it("is AsyncAPI 3.0.0 with a server from the given URL and one channel", () => {
    expect(document).toMatchObject({
      asyncapi: "3.0.0",
      info: { title: expect.any(String), version: expect.any(String) },
      servers: { guildhall: { host: "guild.example:8443", protocol: "wss" } },
      channels: { actions: { address: "/api/ws/actions" } },
    });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("resolves every $ref", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(500);
    expect(refs.filter((ref) => resolve(document, ref) === undefined)).toEqual([]);
  });

  it("has operations that send or receive channel messages, and messages with object payloads", () => {
    const operations = Object.entries(document.operations);
    expect(operations.length).toBeGreaterThan(calls.length);
    for (const [name, operation] of operations) {
      expect(["send", "receive"], name).toContain(operation.action);
      expect(operation.channel, name).toEqual({ $ref: "#/channels/actions" });
      const refs = [...operation.messages, ...(operation.reply?.messages ?? [])];
      expect(refs.length, name).toBeGreaterThan(0);
      for (const { $ref } of refs) expect($ref, name).toMatch(/^#\/channels\/actions\/messages\//);
    }
    const messages = Object.entries(document.components.messages);
    for (const [name, message] of messages) {
      expect(name).toMatch(/^[\w.-]+$/);
      expect(isObject(message.payload), name).toBe(true);
      expect(document.channels.actions.messages[name], name).toEqual({
        $ref: `#/components/messages/${name}`,
      });
    }
    for (const name of Object.keys(document.components.schemas)) expect(name).toMatch(/^[\w.-]+$/);
  });

  it("lists every procedure: requests and replies, subscriptions and their events", () => {
    const messages = document.components.messages;
    for (const path of calls) {
      expect(messages[`${path}.request`], path).toBeDefined();
      expect(messages[`${path}.reply`], path).toBeDefined();
      expect(document.operations[path]?.action, path).toBe("send");
    }
    for (const path of subscriptions) {
      expect(messages[`${path}.subscribe`], path).toBeDefined();
      expect(messages[`${path}.event`], path).toBeDefined();
    }
    for (const name of [
      "auth",
      "auth.reply",
      "ping",
      "pong",
      "subscribe.reply",
      "unsubscribe",
      "end",
      "error",
      "refusal",
    ])
      expect(messages[name], name).toBeDefined();
  });
});
