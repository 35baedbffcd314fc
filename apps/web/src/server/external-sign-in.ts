import { sameSecret } from "@guildhall/auth";
import { getEnv, publicUrl } from "@guildhall/core/env";
import {
  enabledProviders,
  oauthProfile,
  providerLabels,
  type ExternalProfile,
} from "@guildhall/core/identity";
import type { Account, Profile, User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Discord from "next-auth/providers/discord";
import Yandex from "next-auth/providers/yandex";
import { cookies } from "next/headers";
import { browserCaller } from "./browser-caller";
import { clientFault } from "./client-fault";
import { holdMfaTicket, refuse, SignInRefused } from "./sign-in-steps";

/** The signed-in browser session, if any (from auth.ts; passed in to avoid an import cycle). */
type CurrentSession = () => Promise<{ sid: string; sub: string } | null>;

/** Where Steam sends the browser back; its `state` must match this cookie. */
export const STEAM_STATE_COOKIE = "gh_steam_state";
export const STEAM_CALLBACK_PATH = "/api/auth/steam/callback";

const trimmed = (url: string) => url.replace(/\/$/, "");

/**
 * Discord and Yandex through next-auth's OAuth client, with state and PKCE
 * checked and the endpoints configurable (stand-in servers in tests).
 */
export function oauthProviders() {
  const env = getEnv();
  const enabled = enabledProviders();
  const providers = [];
  if (enabled.includes("discord")) {
    const api = trimmed(env.DISCORD_API_URL);
    providers.push(
      Discord({
        clientId: env.DISCORD_CLIENT_ID,
        clientSecret: env.DISCORD_CLIENT_SECRET,
        authorization: { url: `${api}/oauth2/authorize`, params: { scope: "identify email" } },
        token: `${api}/oauth2/token`,
        userinfo: `${api}/users/@me`,
        checks: ["pkce", "state"],
      }),
    );
  }
  if (enabled.includes("yandex")) {
    const oauth = trimmed(env.YANDEX_OAUTH_URL);
    providers.push(
      Yandex({
        clientId: env.YANDEX_CLIENT_ID,
        clientSecret: env.YANDEX_CLIENT_SECRET,
        authorization: {
          url: `${oauth}/authorize`,
          params: { scope: "login:info login:email login:avatar" },
        },
        token: `${oauth}/token`,
        userinfo: `${trimmed(env.YANDEX_LOGIN_URL)}/info?format=json`,
        checks: ["pkce", "state"],
      }),
    );
  }
  return providers;
}

/** Where a refusal is shown: the security page when linking, else the sign-in page. */
function refusalUrl(error: unknown, linking: boolean, provider: string): string {
  const code = clientFault(error) ?? "PROVIDER_SIGN_IN_FAILED";
  const query = new URLSearchParams({ error: code, provider });
  return `${linking ? "/account/security" : "/sign-in"}?${query}`;
}

/**
 * Runs our rules after a provider proved an account. A signed-in browser
 * links the account; otherwise its user signs in (or is created). The result
 * rides on the user object into the jwt callback; a refusal or the MFA step
 * is a redirect.
 */
async function completeExternal(
  user: User,
  profile: ExternalProfile,
  url: string,
  currentSession: CurrentSession,
): Promise<true | string> {
  const current = await currentSession();
  const label = providerLabels[profile.provider];
  try {
    const steps = (await browserCaller()).browser;
    const outcome = await steps.externalSignIn({ profile, linkTo: current?.sub ?? null });
    if (outcome.linked) {
      Object.assign(user, { id: current!.sub, sid: current!.sid });
      return true;
    }
    const { result } = outcome;
    if (result.mfaRequired) {
      await holdMfaTicket(result, url);
      return "/sign-in?step=mfa";
    }
    Object.assign(user, { id: result.userId, sid: result.sessionId });
    return true;
  } catch (error) {
    return refusalUrl(error, current !== null, label);
  }
}

/** The signIn callback for Discord and Yandex. */
export async function oauthSignIn(
  user: User,
  account: Account,
  raw: Profile | undefined,
  currentSession: CurrentSession,
): Promise<true | string> {
  const provider = account.provider === "yandex" ? "yandex" : "discord";
  const profile = raw ? oauthProfile(provider, raw) : null;
  if (!profile) return refusalUrl(null, false, providerLabels[provider]);
  return completeExternal(user, profile, publicUrl(), currentSession);
}

/**
 * Steam (OpenID 2.0) as a credentials provider: the "credential" is Steam's
 * whole signed assertion, verified here (state cookie, every OpenID check,
 * check_authentication with Steam, nonce replay), so posting to it directly
 * gains nothing.
 */
export function steamProvider(currentSession: CurrentSession) {
  if (!enabledProviders().includes("steam")) return [];
  return [
    Credentials({
      id: "steam",
      name: "Steam",
      credentials: { assertion: {} },
      async authorize(credentials, request) {
        const params = new URLSearchParams(
          typeof credentials.assertion === "string" ? credentials.assertion : "",
        );
        const jar = await cookies();
        const expected = jar.get(STEAM_STATE_COOKIE)?.value ?? "";
        jar.delete(STEAM_STATE_COOKIE);
        const returnTo = params.get("openid.return_to") ?? "";
        let state = "";
        try {
          state = new URL(returnTo).searchParams.get("state") ?? "";
        } catch {
          state = "";
        }
        if (!expected || !sameSecret(state, expected))
          throw new SignInRefused("PROVIDER_SIGN_IN_FAILED");
        try {
          // Our own callback URL as this request reached us: the assertion must name it.
          const callback = new URL(STEAM_CALLBACK_PATH, request.url).toString();
          const profile = await (
            await browserCaller()
          ).browser.verifySteam({
            assertion: params.toString(),
            callback,
          });
          const user: User = {};
          const outcome = await completeExternal(user, profile, request.url, currentSession);
          if (outcome === true) return user;
          if (outcome.includes("step=mfa")) throw new SignInRefused("MFA_REQUIRED");
          const code = new URL(outcome, "http://x").searchParams.get("error");
          throw new SignInRefused(code ?? "PROVIDER_SIGN_IN_FAILED");
        } catch (error) {
          if (error instanceof SignInRefused) throw error;
          refuse(error);
        }
      },
    }),
  ];
}
