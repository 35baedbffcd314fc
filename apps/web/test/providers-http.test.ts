import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession } from "./support/http-session";
import {
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";
import { OAuthStandIn } from "./support/stand-ins/oauth";
import { SteamStandIn } from "./support/stand-ins/steam";

/**
 * Discord, Yandex and Steam sign-in through the real code paths (redirect,
 * callback, token exchange with PKCE, profile fetch, OpenID verification)
 * against local stand-in providers.
 */
const oauth = new OAuthStandIn();
const steam = new SteamStandIn();
let database: ServerDatabase;
let server: RunningServer;

beforeAll(async () => {
  await oauth.start();
  await steam.start();
  database = await createServerDatabase();
  server = await startServer({
    ...database.env,
    RATE_LIMIT_WHITELIST: "127.0.0.1",
    DISCORD_CLIENT_ID: oauth.clientId,
    DISCORD_CLIENT_SECRET: oauth.clientSecret,
    DISCORD_API_URL: `${oauth.url}/discord`,
    YANDEX_CLIENT_ID: oauth.clientId,
    YANDEX_CLIENT_SECRET: oauth.clientSecret,
    YANDEX_OAUTH_URL: `${oauth.url}/yandex-oauth`,
    YANDEX_LOGIN_URL: `${oauth.url}/yandex-login`,
    STEAM_API_KEY: steam.apiKey,
    STEAM_OPENID_URL: steam.endpoint,
    STEAM_API_URL: steam.url,
  });
});
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
  await oauth.stop();
  await steam.stop();
});

let ids = 80351110224678900n;
const discordUser = (username: string, extra: object = {}) => ({
  id: String(++ids),
  username,
  global_name: username.toUpperCase(),
  email: `${username}@discord.test`,
  verified: true,
  avatar: null,
  discriminator: "0",
  ...extra,
});

/** Starts a provider flow as the dashboard does; returns the provider's authorize URL. */
async function startOAuth(session: HttpSession, provider: string, callbackUrl = "/") {
  const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const start = await session.post(`/api/auth/signin/${provider}`, {
    csrfToken: csrf.csrfToken,
    callbackUrl,
  });
  expect(start.status).toBe(302);
  const location = start.headers.get("location") ?? "";
  expect(location.startsWith(oauth.url)).toBe(true);
  return location;
}

/** The user "approves" at the provider; returns the callback URL it sends the browser to. */
async function approve(authorizeUrl: string) {
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  expect(response.status).toBe(302);
  return response.headers.get("location") ?? "";
}

/** A full provider sign-in; returns where the browser lands. */
async function oauthFlow(session: HttpSession, provider: string, callbackUrl = "/") {
  const callback = await approve(await startOAuth(session, provider, callbackUrl));
  const done = await session.fetch(callback);
  expect(done.status).toBe(302);
  return new URL(done.headers.get("location") ?? "", server.url);
}

async function me(session: HttpSession) {
  return session.query<{ username: string; email: string | null }>("users.me");
}

describe("Discord and Yandex (OAuth 2.0 with state and PKCE)", () => {
  it("creates an account on first sign-in, signs it in again later, and links Yandex", async () => {
    const user = discordUser("nelly");
    oauth.nextUser = user;
    const session = new HttpSession(server.url);
    const landed = await oauthFlow(session, "discord");
    expect(landed.pathname).toBe("/");
    const profile = await me(session);
    expect(profile.data).toMatchObject({ username: "nelly", email: "nelly@discord.test" });
    expect(oauth.log).toEqual(
      expect.arrayContaining(["POST /discord/oauth2/token", "GET /discord/users/@me"]),
    );

    // Signed in, a Yandex flow links instead of signing in.
    oauth.nextUser = { id: "5550001", login: "nelly.y", default_email: "nelly@yandex.test" };
    const linked = await oauthFlow(session, "yandex", "/account/security");
    expect(linked.pathname).toBe("/account/security");
    const methods = await session.query<{
      identities: { provider: string }[];
      hasPassword: boolean;
    }>("identities.list");
    expect(methods.data?.identities.map((i) => i.provider)).toEqual(["discord", "yandex"]);
    expect(methods.data?.hasPassword).toBe(false);

    // A fresh browser signing in with that Yandex account is the same user.
    const other = new HttpSession(server.url);
    oauth.nextUser = { id: "5550001", login: "nelly.y", default_email: "nelly@yandex.test" };
    await oauthFlow(other, "yandex");
    expect((await me(other)).data?.username).toBe("nelly");

    // Unlink one; the last one stays.
    expect((await session.mutate("identities.unlink", { provider: "discord" })).status).toBe(200);
    const last = await session.mutate("identities.unlink", { provider: "yandex" });
    expect(last.code).toBe("LAST_SIGN_IN_METHOD");
  });

  it("refuses a callback with a missing or wrong state, or a tampered PKCE cookie", async () => {
    oauth.nextUser = discordUser("mallory");
    for (const tamper of ["wrong-state", "no-state", "pkce"] as const) {
      const session = new HttpSession(server.url);
      const callback = new URL(await approve(await startOAuth(session, "discord")));
      if (tamper === "wrong-state") callback.searchParams.set("state", "forged");
      if (tamper === "no-state") callback.searchParams.delete("state");
      if (tamper === "pkce") {
        const name = [...session.cookies.keys()].find((k) => k.includes("pkce"));
        expect(name).toBeDefined();
        session.cookies.set(name!, "tampered");
      }
      const done = await session.fetch(callback.toString());
      const location = new URL(done.headers.get("location") ?? "", server.url);
      expect(location.pathname, tamper).toBe("/sign-in");
      expect(location.searchParams.get("error"), tamper).toBeTruthy();
      expect(
        [...session.cookies.keys()].some((k) => k.includes("session-token")),
        tamper,
      ).toBe(false);
      expect((await me(session)).status, tamper).toBe(401);
    }
  });

  it("never hands a provider account to a second user, nor signs in by a taken e-mail", async () => {
    oauth.nextUser = discordUser("owner1");
    const a = new HttpSession(server.url);
    await oauthFlow(a, "discord");
    const yandex = { id: "5550099", login: "shared", default_email: "shared@yandex.test" };
    oauth.nextUser = yandex;
    await oauthFlow(a, "yandex", "/account/security");

    oauth.nextUser = discordUser("owner2");
    const b = new HttpSession(server.url);
    await oauthFlow(b, "discord");
    oauth.nextUser = yandex;
    const refused = await oauthFlow(b, "yandex", "/account/security");
    expect(refused.pathname).toBe("/account/security");
    expect(refused.searchParams.get("error")).toBe("IDENTITY_TAKEN");

    // A new Discord account whose verified address belongs to owner1: sign in there and link.
    oauth.nextUser = discordUser("owner3", { email: "owner1@discord.test" });
    const c = new HttpSession(server.url);
    const landed = await oauthFlow(c, "discord");
    expect(landed.pathname).toBe("/sign-in");
    expect(landed.searchParams.get("error")).toBe("EMAIL_NEEDS_LINKING");
    expect((await me(c)).status).toBe(401);
  });
});

describe("Steam (OpenID 2.0)", () => {
  /** Start → Steam → our callback URL (not yet visited). */
  async function steamAssertion(session: HttpSession, steamId: string) {
    steam.nextSteamId = steamId;
    const start = await session.fetch("/api/auth/steam/start");
    expect(start.status).toBe(302);
    const atSteam = start.headers.get("location") ?? "";
    expect(atSteam.startsWith(steam.endpoint)).toBe(true);
    const back = await fetch(atSteam, { redirect: "manual" });
    return back.headers.get("location") ?? "";
  }

  it("signs in with a verified assertion and refuses replays, forgeries and a missing state", async () => {
    steam.personas.set("76561198000000042", "Gordon");
    const session = new HttpSession(server.url);
    const callback = await steamAssertion(session, "76561198000000042");
    const state = session.cookies.get("gh_steam_state")!;
    const done = await session.fetch(callback);
    expect(new URL(done.headers.get("location") ?? "", server.url).pathname).toBe("/");
    expect((await me(session)).data?.username).toBe("Gordon");

    // The same assertion again (even with its state cookie) is a replay.
    const replay = new HttpSession(server.url);
    replay.cookies.set("gh_steam_state", state);
    const replayed = new URL(
      (await replay.fetch(callback)).headers.get("location") ?? "",
      server.url,
    );
    expect(replayed.searchParams.get("error")).toBe("PROVIDER_SIGN_IN_FAILED");
    expect((await me(replay)).status).toBe(401);

    // Someone else's Steam id pasted into a genuine assertion: Steam says it is not valid.
    const forger = new HttpSession(server.url);
    const genuine = new URL(await steamAssertion(forger, "76561198000000077"));
    for (const key of ["openid.claimed_id", "openid.identity"])
      genuine.searchParams.set(key, "https://steamcommunity.com/openid/id/76561198000000042");
    const forged = new URL(
      (await forger.fetch(genuine.toString())).headers.get("location") ?? "",
      server.url,
    );
    expect(forged.searchParams.get("error")).toBe("PROVIDER_SIGN_IN_FAILED");
    expect((await me(forger)).status).toBe(401);

    // An assertion that arrives without the state cookie of the browser that started it.
    const stranger = new HttpSession(server.url);
    const stray = await steamAssertion(new HttpSession(server.url), "76561198000000042");
    const strayed = new URL(
      (await stranger.fetch(stray)).headers.get("location") ?? "",
      server.url,
    );
    expect(strayed.searchParams.get("error")).toBe("PROVIDER_SIGN_IN_FAILED");
    expect((await me(stranger)).status).toBe(401);
  });

  it("links Steam to a signed-in account", async () => {
    oauth.nextUser = discordUser("linksteam");
    const session = new HttpSession(server.url);
    await oauthFlow(session, "discord");
    const callback = await steamAssertion(session, "76561198000000099");
    const done = await session.fetch(callback);
    expect(new URL(done.headers.get("location") ?? "", server.url).pathname).toBe(
      "/account/security",
    );
    const methods = await session.query<{ identities: { provider: string }[] }>("identities.list");
    expect(methods.data?.identities.map((i) => i.provider)).toEqual(["discord", "steam"]);
  });
});
