import { signAccessToken } from "@guildhall/auth";
import { describe, expect, it } from "vitest";
import { signUpOverRest } from "./support/http-session";
import { useServer } from "./support/server";
import { knownSigningKey } from "./support/signing-key";

/**
 * Issue 15, item 5: credentials that name no live session or token (malformed,
 * expired, revoked) answer 401 INVALID_TOKEN, so a client knows to refresh or
 * sign in again; no credentials at all answer 401 UNAUTHENTICATED. Over REST
 * and tRPC, against the real server.
 */
const AUTH_SECRET = "bearer-test-secret-0123456789abcdef-0123456789";
/** Signs tokens as the server does (expired ones for the expiry test). */
const key = knownSigningKey(AUTH_SECRET);
const server = useServer({ AUTH_SECRET }, { prepare: key.prepare });
const json = { "content-type": "application/json" };

/** The status and our error code, from a REST body or a tRPC error envelope. */
async function answer(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const data = (body.error as { json?: { data?: { code?: unknown } } } | undefined)?.json?.data;
  return { status: response.status, code: (data ?? body).code };
}

/** A signed-in caller's access token. */
function signUp(username: string): Promise<string> {
  return signUpOverRest(server.url, username, "a long bearer passphrase");
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The same signed-in question over both transports: who am I? */
const both = async (headers: Record<string, string>) => ({
  rest: await answer("/api/v1/me", { headers }),
  trpc: await answer("/api/trpc/users.me", { headers }),
});

const invalid = { status: 401, code: "INVALID_TOKEN" };

describe("bearer tokens", () => {
  it("no credentials: 401 UNAUTHENTICATED", async () => {
    const unauthenticated = { status: 401, code: "UNAUTHENTICATED" };
    expect(await both({})).toEqual({ rest: unauthenticated, trpc: unauthenticated });
  });

  it("a live token works (the baseline the others differ from)", async () => {
    const token = await signUp("bearerlive");
    const answers = await both(bearer(token));
    expect(answers.rest.status).toBe(200);
    expect(answers.trpc.status).toBe(200);
  });

  it("malformed: 401 INVALID_TOKEN", async () => {
    const token = await signUp("bearermalformed");
    const [head, payload] = token.split(".");
    for (const headers of [
      bearer("not-a-token"),
      bearer("a.b.c"),
      bearer(`${head}.${payload}.${"A".repeat(43)}`), // a real token's claims, a forged signature
      bearer("gha_no-such-application-token"),
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: "Bearer" },
    ])
      expect(await both(headers), headers.authorization).toEqual({ rest: invalid, trpc: invalid });
  });

  it("expired: 401 INVALID_TOKEN", async () => {
    const token = await signUp("bearerexpired");
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
      sub: string;
      sid: string;
    };
    // The same live session, in a token that expired a minute ago (signed with the server's key).
    const expired = await signAccessToken(claims, key.signer, -60);
    expect(await both(bearer(expired))).toEqual({ rest: invalid, trpc: invalid });
    // The session itself is fine: a fresh token of it still works.
    const fresh = await signAccessToken(claims, key.signer, 60);
    expect((await both(bearer(fresh))).rest.status).toBe(200);
  });

  it("revoked: 401 INVALID_TOKEN, for an access token and an application token", async () => {
    const token = await signUp("bearerrevoked");
    const created = await fetch(`${server.url}/api/v1/me/tokens`, {
      method: "POST",
      headers: { ...json, ...bearer(token) },
      body: JSON.stringify({ name: "script", scopes: ["read"] }),
    });
    expect(created.status).toBe(200);
    const application = (await created.json()) as { id: string; token: string };
    expect((await both(bearer(application.token))).rest.status).toBe(200);
    const revoked = await fetch(`${server.url}/api/v1/me/tokens/${application.id}`, {
      method: "DELETE",
      headers: bearer(token),
    });
    expect(revoked.status).toBe(200);
    expect(await both(bearer(application.token))).toEqual({ rest: invalid, trpc: invalid });

    const logout = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: "POST",
      headers: bearer(token),
    });
    expect(logout.status).toBe(200);
    expect(await both(bearer(token))).toEqual({ rest: invalid, trpc: invalid });
  });

  it("a rejected token does not stop public procedures (a client can still sign in)", async () => {
    const health = await answer("/api/v1/health", { headers: bearer("not-a-token") });
    expect(health.status).toBe(200);
  });
});
