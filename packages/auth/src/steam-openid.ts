/**
 * Steam sign-in: OpenID 2.0 as Steam speaks it (stateless "dumb mode"), with
 * the whole assertion checked: namespace, mode, the provider endpoint, the
 * return URL, the claimed id format, the signed field list, the nonce's age,
 * and finally the provider's own `check_authentication` answer.
 */

const OPENID_NS = "http://specs.openid.net/auth/2.0";
const IDENTIFIER_SELECT = "http://specs.openid.net/auth/2.0/identifier_select";
const CLAIMED_ID = /^https:\/\/steamcommunity\.com\/openid\/id\/(\d{17})$/;
const REQUIRED_SIGNED = [
  "op_endpoint",
  "claimed_id",
  "identity",
  "return_to",
  "response_nonce",
  "assoc_handle",
];
/** Assertions older than this are refused (and nonces are remembered this long). */
export const STEAM_NONCE_MAX_AGE_MS = 5 * 60_000;

export type SteamRefusal =
  | "not_openid"
  | "not_positive"
  | "wrong_endpoint"
  | "wrong_return_to"
  | "bad_claimed_id"
  | "unsigned_fields"
  | "stale_nonce"
  | "not_valid";

export class SteamAssertionError extends Error {
  constructor(readonly reason: SteamRefusal) {
    super(`Steam assertion refused: ${reason}`);
  }
}

/** The URL that sends the browser to Steam's login page. */
export function steamLoginUrl(endpoint: string, returnTo: string): string {
  const url = new URL(endpoint);
  const realm = new URL(returnTo).origin;
  url.search = new URLSearchParams({
    "openid.ns": OPENID_NS,
    "openid.mode": "checkid_setup",
    "openid.return_to": returnTo,
    "openid.realm": realm,
    "openid.identity": IDENTIFIER_SELECT,
    "openid.claimed_id": IDENTIFIER_SELECT,
  }).toString();
  return url.toString();
}

/** Parses `2026-11-21T10:00:00Zabc` (OpenID response_nonce) into its time. */
function nonceTime(nonce: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)/.exec(nonce);
  return match?.[1] ? Date.parse(match[1]) : Number.NaN;
}

/** Same URL ignoring the query: Steam must send the browser back to where we asked. */
function sameTarget(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

export interface SteamAssertion {
  steamId: string;
  /** The nonce to remember until it expires, so the same assertion cannot be replayed. */
  nonce: string;
  /** The `return_to` Steam signed (it carries our state parameter). */
  returnTo: string;
}

/**
 * Verifies a Steam OpenID response (the query of the callback URL). Throws
 * SteamAssertionError with the reason when anything is off.
 */
export async function verifySteamAssertion(
  params: URLSearchParams,
  options: { endpoint: string; returnTo: string; now?: number; fetch?: typeof fetch },
): Promise<SteamAssertion> {
  const get = (key: string) => params.get(`openid.${key}`) ?? "";
  if (get("ns") !== OPENID_NS) throw new SteamAssertionError("not_openid");
  if (get("mode") !== "id_res") throw new SteamAssertionError("not_positive");
  if (get("op_endpoint") !== options.endpoint) throw new SteamAssertionError("wrong_endpoint");
  if (!sameTarget(get("return_to"), options.returnTo))
    throw new SteamAssertionError("wrong_return_to");
  const claimed = CLAIMED_ID.exec(get("claimed_id"));
  if (!claimed?.[1] || get("identity") !== get("claimed_id"))
    throw new SteamAssertionError("bad_claimed_id");
  const signed = new Set(get("signed").split(","));
  if (!get("sig") || REQUIRED_SIGNED.some((field) => !signed.has(field)))
    throw new SteamAssertionError("unsigned_fields");
  const nonce = get("response_nonce");
  const age = (options.now ?? Date.now()) - nonceTime(nonce);
  if (!(age >= -60_000 && age <= STEAM_NONCE_MAX_AGE_MS))
    throw new SteamAssertionError("stale_nonce");

  // Direct verification: Steam itself confirms the signature.
  const body = new URLSearchParams();
  for (const [key, value] of params) if (key.startsWith("openid.")) body.set(key, value);
  body.set("openid.mode", "check_authentication");
  const response = await (options.fetch ?? fetch)(options.endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/plain" },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = response.ok ? await response.text() : "";
  const valid = text.split("\n").some((line) => line.trim() === "is_valid:true");
  if (!valid) throw new SteamAssertionError("not_valid");
  return { steamId: claimed[1], nonce, returnTo: get("return_to") };
}
