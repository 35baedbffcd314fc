import { envSchema } from "@guildhall/core/env";
import { describe, expect, it } from "vitest";
import { clientAddress, isTrustedProxy } from "../src";

const from = (peer: string | null, forwardedFor: string | null = null) => ({ peer, forwardedFor });

describe("client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddress(from("198.51.100.1", "10.1.1.1"), [])).toBe("198.51.100.1");
    expect(clientAddress(from("::ffff:198.51.100.1", "x, 127.0.0.1"), [])).toBe("198.51.100.1");
    expect(clientAddress(from(null, "10.1.1.1"), [])).toBeNull();
  });

  it("walks X-Forwarded-For from the right, one hop per trusted proxy", () => {
    const trusted = ["10.0.0.0/8"];
    expect(clientAddress(from("10.0.0.2", "192.0.2.9"), trusted)).toBe("192.0.2.9");
    // The client's own entries (left of the proxy's) are not believed.
    expect(clientAddress(from("10.0.0.2", "203.0.113.5, 192.0.2.9"), trusted)).toBe("192.0.2.9");
    // Two proxies in a row: both are trusted, the client is the entry before them.
    expect(clientAddress(from("10.0.0.2", "203.0.113.5, 192.0.2.9, 10.0.0.3"), trusted)).toBe(
      "192.0.2.9",
    );
    // A peer that is no trusted proxy is the client, even with a forwarded header.
    expect(clientAddress(from("192.0.2.50", "10.0.0.9"), trusted)).toBe("192.0.2.50");
  });

  it("accepts only valid IP addresses", () => {
    const trusted = ["loopback"];
    expect(clientAddress(from("127.0.0.1", "<img src=x onerror=alert(1)>"), trusted)).toBe(
      "127.0.0.1",
    );
    expect(clientAddress(from("127.0.0.1", "999.1.1.1"), trusted)).toBe("127.0.0.1");
    expect(clientAddress(from("127.0.0.1", "2001:db8::1"), trusted)).toBe("2001:db8::1");
    expect(clientAddress(from("127.0.0.1", " ::ffff:192.0.2.4 "), trusted)).toBe("192.0.2.4");
    expect(clientAddress(from("not an address"), trusted)).toBeNull();
  });

  it("knows which peers are trusted proxies", () => {
    expect(isTrustedProxy("127.0.0.1", ["loopback"])).toBe(true);
    expect(isTrustedProxy("::1", ["loopback"])).toBe(true);
    expect(isTrustedProxy("192.0.2.1", ["loopback", "10.0.0.0/8"])).toBe(false);
    expect(isTrustedProxy("127.0.0.1", [])).toBe(false);
  });

  it("validates TRUSTED_PROXIES at start", () => {
    const parse = (TRUSTED_PROXIES: string) => envSchema.safeParse({ TRUSTED_PROXIES });
    expect(parse("10.0.0.0/8, 192.168.1.7 ,loopback,::1,fd00::/8").data?.TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "192.168.1.7",
      "loopback",
      "::1",
      "fd00::/8",
    ]);
    expect(envSchema.safeParse({}).data?.TRUSTED_PROXIES).toEqual([]);
    for (const bad of ["1", "10.0.0.0/33", "example.com", "10.0.0.0/8/1", "::1/129"])
      expect(parse(bad).success, bad).toBe(false);
  });
});
