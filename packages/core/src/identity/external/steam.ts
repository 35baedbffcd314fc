import { STEAM_NONCE_MAX_AGE_MS, SteamAssertionError, verifySteamAssertion } from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { lt } from "drizzle-orm";
import { getEnv } from "../../env";
import { AppError } from "../../errors";
import { getLogger } from "../../logger";
import type { ExternalProfile } from "./sign-in";

/** The persona name from the Steam Web API; null when it cannot be fetched. */
async function personaName(steamId: string): Promise<string | null> {
  const env = getEnv();
  const url = new URL(
    "ISteamUser/GetPlayerSummaries/v2/",
    `${env.STEAM_API_URL.replace(/\/$/, "")}/`,
  );
  url.search = new URLSearchParams({ key: env.STEAM_API_KEY ?? "", steamids: steamId }).toString();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      response?: { players?: { personaname?: string }[] };
    };
    return body.response?.players?.[0]?.personaname ?? null;
  } catch {
    return null;
  }
}

/**
 * Verifies a Steam OpenID response for our callback URL, refuses replays of
 * an assertion already used, and returns the account it proves.
 */
export async function verifySteamSignIn(
  db: Database,
  params: URLSearchParams,
  returnTo: string,
): Promise<ExternalProfile> {
  const failed = (reason: string) => {
    getLogger().warn({ reason }, "steam sign-in refused");
    return new AppError("PROVIDER_SIGN_IN_FAILED", { provider: "Steam" }, { details: { reason } });
  };
  let assertion;
  try {
    assertion = await verifySteamAssertion(params, {
      endpoint: getEnv().STEAM_OPENID_URL,
      returnTo,
    });
  } catch (error) {
    if (error instanceof SteamAssertionError) throw failed(error.reason);
    throw failed("unreachable");
  }
  await db.delete(schema.usedNonces).where(lt(schema.usedNonces.expiresAt, new Date()));
  const fresh = await db
    .insert(schema.usedNonces)
    .values({
      nonce: `steam:${assertion.nonce}`,
      expiresAt: new Date(Date.now() + 2 * STEAM_NONCE_MAX_AGE_MS),
    })
    .onConflictDoNothing()
    .returning();
  if (fresh.length === 0) throw failed("replayed");
  return {
    provider: "steam",
    accountId: assertion.steamId,
    name: await personaName(assertion.steamId),
  };
}
