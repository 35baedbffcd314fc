import { describe, expect, it } from "vitest";
import { steamLoginUrl, verifySteamAssertion } from "../src";

const endpoint = "https://steamcommunity.com/openid/login";
const returnTo = "https://guildhall.test/api/auth/steam/callback";
const now = Date.parse("2026-11-21T10:00:00Z");

function assertion(overrides: Record<string, string | null> = {}) {
  const id = "https://steamcommunity.com/openid/id/76561198000000001";
  const params = new URLSearchParams({
    "openid.ns": "http://specs.openid.net/auth/2.0",
    "openid.mode": "id_res",
    "openid.op_endpoint": endpoint,
    "openid.claimed_id": id,
    "openid.identity": id,
    "openid.return_to": `${returnTo}?state=abc`,
    "openid.response_nonce": "2026-11-21T09:59:00Zxyz",
    "openid.assoc_handle": "1234567890",
    "openid.signed": "signed,op_endpoint,claimed_id,identity,return_to,response_nonce,assoc_handle",
    "openid.sig": "c2ln",
  });
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) params.delete(`openid.${key}`);
    else params.set(`openid.${key}`, value);
  }
  return params;
}

/** Steam's check_authentication answer, recorded so tests can see what was asked. */
function steamSays(valid: boolean, seen: URLSearchParams[] = []) {
  return ((_url: string | URL | Request, init?: RequestInit) => {
    seen.push(new URLSearchParams(init?.body as URLSearchParams));
    return Promise.resolve(
      new Response(`ns:http://specs.openid.net/auth/2.0\nis_valid:${valid}\n`),
    );
  }) as typeof fetch;
}

const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { reason?: string }) => error.reason ?? "thrown",
  );

describe("Steam OpenID 2.0", () => {
  it("builds the login URL with identifier_select and our realm", () => {
    const url = new URL(steamLoginUrl(endpoint, `${returnTo}?state=abc`));
    expect(url.searchParams.get("openid.mode")).toBe("checkid_setup");
    expect(url.searchParams.get("openid.realm")).toBe("https://guildhall.test");
    expect(url.searchParams.get("openid.claimed_id")).toContain("identifier_select");
  });

  it("accepts a complete assertion that Steam confirms, asking with check_authentication", async () => {
    const seen: URLSearchParams[] = [];
    const result = await verifySteamAssertion(assertion(), {
      endpoint,
      returnTo,
      now,
      fetch: steamSays(true, seen),
    });
    expect(result.steamId).toBe("76561198000000001");
    expect(seen[0]?.get("openid.mode")).toBe("check_authentication");
    expect(seen[0]?.get("openid.sig")).toBe("c2ln");
  });

  it("refuses every malformed or unconfirmed assertion", async () => {
    const cases: [Record<string, string | null>, string][] = [
      [{ ns: "http://openid.net/signon/1.1" }, "not_openid"],
      [{ mode: "cancel" }, "not_positive"],
      [{ op_endpoint: "https://evil.test/openid/login" }, "wrong_endpoint"],
      [{ return_to: "https://evil.test/api/auth/steam/callback" }, "wrong_return_to"],
      [{ claimed_id: "https://evil.test/openid/id/76561198000000001" }, "bad_claimed_id"],
      [{ identity: "https://steamcommunity.com/openid/id/76561198000000002" }, "bad_claimed_id"],
      [{ signed: "signed,op_endpoint,claimed_id,identity" }, "unsigned_fields"],
      [{ sig: null }, "unsigned_fields"],
      [{ response_nonce: "2026-11-21T09:40:00Zold" }, "stale_nonce"],
      [{ response_nonce: "garbage" }, "stale_nonce"],
    ];
    for (const [overrides, expected] of cases) {
      expect(
        await reason(
          verifySteamAssertion(assertion(overrides), {
            endpoint,
            returnTo,
            now,
            fetch: steamSays(true),
          }),
        ),
        JSON.stringify(overrides),
      ).toBe(expected);
    }
    expect(
      await reason(
        verifySteamAssertion(assertion(), { endpoint, returnTo, now, fetch: steamSays(false) }),
      ),
    ).toBe("not_valid");
  });
});
