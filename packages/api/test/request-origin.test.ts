import { describe, expect, it, vi } from "vitest";
import { requestOrigin } from "../src/context";

vi.stubEnv("TRUSTED_PROXIES", "10.0.0.1");

const headers = (values: Record<string, string>) => new Headers(values);

describe("requestOrigin: the origin the client used", () => {
  it("is the Host header, over http, for a direct client", () => {
    expect(requestOrigin(headers({ host: "127.0.0.1:4123" }), "127.0.0.1")).toBe(
      "http://127.0.0.1:4123",
    );
  });

  it("ignores forwarded headers unless the peer is a trusted proxy", () => {
    const forwarded = headers({
      host: "app.internal:3000",
      "x-forwarded-host": "guild.example, other.example",
      "x-forwarded-proto": "https",
    });
    expect(requestOrigin(forwarded, "192.0.2.7")).toBe("http://app.internal:3000");
    expect(requestOrigin(forwarded, "10.0.0.1")).toBe("https://guild.example");
  });

  it("is null for a Host that is no host name", () => {
    expect(requestOrigin(headers({ host: "evil.example/path?x" }), "127.0.0.1")).toBeNull();
    expect(requestOrigin(headers({}), "127.0.0.1")).toBeNull();
    expect(requestOrigin(headers({ host: "[::1]:3000" }), "127.0.0.1")).toBe("http://[::1]:3000");
  });
});
