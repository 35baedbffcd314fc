import { describe, expect, it } from "vitest";
import { safeLocalPath } from "../src";

describe("safeLocalPath", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    for (const path of [
      "/",
      "/messages",
      "/account/security",
      "/approve-sign-in?request=abc%2Fdef",
      "/hubs/alpha/tickets?status=open#top",
      "/a/b//c",
      "/a\\b",
      "/%5Cevil.com",
    ])
      expect(safeLocalPath(path), path).toBe(path);
  });

  it("refuses everything that could leave the site, and answers the fallback", () => {
    for (const value of [
      "//evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "\\/evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "/\r\n/evil.com",
      "/\u0000/evil.com",
      "/x\u007f",
      "https://evil.com",
      "http:/evil.com",
      "javascript:alert(1)",
      "evil.com",
      "messages",
      " /messages",
      "",
      `/${"a".repeat(2048)}`,
    ])
      expect(safeLocalPath(value, "/home"), JSON.stringify(value)).toBe("/home");
  });

  it("answers the fallback for a missing or non-string value", () => {
    expect(safeLocalPath(null)).toBe("/");
    expect(safeLocalPath(undefined, "/account/security")).toBe("/account/security");
    expect(safeLocalPath(["/messages"])).toBe("/");
    expect(safeLocalPath(42)).toBe("/");
  });
});
