import {
  TokenExpired,
  TokenMalformed,
  TokenSignatureInvalid,
  verifyAccessToken,
} from "@guildhall/client/verify";
import { signAccessToken } from "@guildhall/auth";
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signUpOverRest } from "./support/http-session";
import { useServer } from "./support/server";
import { knownSigningKey } from "./support/signing-key";

/**
 * Issue 17, item 4: access tokens other services verify offline. The server
 * signs with Ed25519 and publishes its keys (JWKS); a service checks a token
 * with `verifyAccessToken` of @guildhall/client/verify against the running
 * server's JWKS, and the server refuses what the service refuses.
 */
const AUTH_SECRET = "offline-tokens-secret-0123456789abcdef-0123456789";
const minute = 60_000;
/** Signs now. */
const current = knownSigningKey(AUTH_SECRET, "current");
/** Retired a minute ago: still published, its tokens may still be alive. */
const retired = knownSigningKey(AUTH_SECRET, "retired", new Date(Date.now() - minute));
/** Retired a day ago: every token it signed has expired (15 minutes), so it is gone. */
const rotatedOut = knownSigningKey(
  AUTH_SECRET,
  "rotated-out",
  new Date(Date.now() - 1440 * minute),
);
const server = useServer(
  { AUTH_SECRET, RATE_LIMIT_WHITELIST: "127.0.0.1" },
  {
    prepare: async (db) => {
      for (const key of [rotatedOut, retired, current]) await key.prepare(db);
    },
  },
);
const jwksUrl = () => `${server.url}/.well-known/jwks.json`;

/** What the server says of a bearer token (GET /api/v1/me). */
async function serverSays(token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status;
}

function claimsOf(token: string): { sub: string; sid: string } {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
    sub: string;
    sid: string;
  };
}

describe("access tokens verified offline", () => {
  it("publishes the signing keys at /.well-known/jwks.json and over REST: the current and recently retired ones only", async () => {
    const wellKnown = await fetch(jwksUrl());
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.headers.get("cache-control")).toBe("public, max-age=300");
    const { keys } = (await wellKnown.json()) as { keys: Record<string, string>[] };
    expect(keys.map((key) => key.kid)).toEqual(["current", "retired"]);
    for (const key of keys)
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    expect(keys[0]!.x).toBe(current.publicJwk.x);
    // The private half never leaves the server.
    expect(JSON.stringify(keys)).not.toMatch(/"d"/);
    const rest = (await (await fetch(`${server.url}/api/v1/auth/jwks`)).json()) as object;
    expect(rest).toEqual({ keys });
  });

  it("lets a service verify a token the server issued, without asking it", async () => {
    const token = await signUpOverRest(server.url, "offlineverify", "offline passphrase long");
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as object;
    expect(header).toMatchObject({ alg: "EdDSA", kid: "current" });
    const claims = await verifyAccessToken(token, { jwksUrl: jwksUrl() });
    const me = (await (
      await fetch(`${server.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { id: string };
    expect(claims.userId).toBe(me.id);
    expect(claims.sessionId).toBe(claimsOf(token).sid);
    // ACCESS_TOKEN_TTL_SECONDS (900) from now.
    expect(Math.abs(claims.expiresAt.getTime() - Date.now() - 900_000)).toBeLessThan(minute);
  });

  it("accepts a recently retired key's live token; refuses a rotated-out key's, an expired one, forged algorithms and tampering, as the server does", async () => {
    const token = await signUpOverRest(server.url, "offlineforged", "offline passphrase long");
    const claims = claimsOf(token);
    const offline = (candidate: string) =>
      verifyAccessToken(candidate, { jwksUrl: jwksUrl() }).then(
        () => "valid",
        (error: unknown) => (error as Error).constructor.name,
      );

    const byRetired = await signAccessToken(claims, retired.signer, 600);
    expect([await offline(byRetired), await serverSays(byRetired)]).toEqual(["valid", 200]);

    const byRotatedOut = await signAccessToken(claims, rotatedOut.signer, 600);
    expect([await offline(byRotatedOut), await serverSays(byRotatedOut)]).toEqual([
      TokenSignatureInvalid.name,
      401,
    ]);

    const expired = await signAccessToken(claims, current.signer, -120);
    expect([await offline(expired), await serverSays(expired)]).toEqual([TokenExpired.name, 401]);

    const body = { ...claims, iss: "guildhall", aud: "guildhall-api" };
    const hs256 = await new SignJWT(body)
      .setProtectedHeader({ alg: "HS256", kid: "current" })
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(current.publicJwk.x));
    const none = new UnsecuredJWT(body).setExpirationTime("10m").encode();
    const [head, , signature] = token.split(".");
    const otherUser = Buffer.from(
      JSON.stringify({ ...claimsOf(token), sub: "00000000-0000-7000-8000-000000000000" }),
    ).toString("base64url");
    for (const forged of [hs256, `${none}x`, `${head}.${otherUser}.${signature}`])
      expect([await offline(forged), await serverSays(forged)], forged).toEqual([
        TokenSignatureInvalid.name,
        401,
      ]);

    for (const garbage of ["not-a-token", "a.b.c"])
      expect([await offline(garbage), await serverSays(garbage)]).toEqual([
        TokenMalformed.name,
        401,
      ]);
  });
});
