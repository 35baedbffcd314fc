import { describe, expect, it } from "vitest";
import { hostileInputFields } from "../src/middleware/input-guard";

describe("input guard", () => {
  it("names every field with control characters or unpaired surrogates, keys included", () => {
    expect(
      hostileInputFields({
        ok: "tab\tline\nreturn\r",
        nul: "a\u0000b",
        nested: { list: ["fine", "bell\u0007"] },
        ["key\u0001"]: "value",
        lone: "\uDC00x",
        pair: "\uD83D\uDE00",
      }),
    ).toEqual({
      nul: ["errors.controlCharacters"],
      "nested.list.1": ["errors.controlCharacters"],
      "key\u0001": ["errors.controlCharacters"],
      lone: ["errors.controlCharacters"],
    });
  });

  it("keeps keys that are Object.prototype's names as plain fields", () => {
    const input = JSON.parse('{"__proto__":"\\u0000","toString":"\\u0000","constructor":"ok"}');
    const found = hostileInputFields(input);
    expect(Object.keys(found).sort()).toEqual(["__proto__", "toString"]);
  });

  it("refuses hostile nesting without exhausting the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(Object.values(hostileInputFields(deep))).toEqual([["validation.invalid"]]);
  });
});
