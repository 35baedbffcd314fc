import { safeLocalPath, steamLoginUrl } from "@guildhall/auth";
import { getEnv } from "@guildhall/core/env";
import { enabledProviders } from "@guildhall/core/identity";
import { randomBytes } from "node:crypto";
import { STEAM_CALLBACK_PATH, STEAM_STATE_COOKIE } from "~/server/external-sign-in";
import { requestOrigin } from "~/server/origin";

export const dynamic = "force-dynamic";

/**
 * Sends the browser to Steam's OpenID login. A random state travels in the
 * return URL (which Steam signs) and in a short-lived cookie; the callback
 * accepts the assertion only when both agree.
 */
export function GET(req: Request): Response {
  if (!enabledProviders().includes("steam")) return new Response("Not found", { status: 404 });
  const state = randomBytes(24).toString("base64url");
  const origin = requestOrigin(req);
  const next = safeLocalPath(new URL(req.url).searchParams.get("next"), "");
  const returnTo = new URL(STEAM_CALLBACK_PATH, origin);
  returnTo.searchParams.set("state", state);
  // Only our own pages are allowed as the place to land afterwards.
  if (next) returnTo.searchParams.set("next", next);
  const headers = new Headers({
    location: steamLoginUrl(getEnv().STEAM_OPENID_URL, returnTo.toString()),
  });
  const secure = origin.startsWith("https:") ? "; Secure" : "";
  headers.append(
    "set-cookie",
    `${STEAM_STATE_COOKIE}=${state}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
  );
  return new Response(null, { status: 302, headers });
}
