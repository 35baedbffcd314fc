import { safeLocalPath } from "@guildhall/auth";
import { CredentialsSignin } from "next-auth";
import { cookieSession, signIn } from "~/server/auth";

export const dynamic = "force-dynamic";

/**
 * Steam sends the browser back here with its signed assertion; the "steam"
 * credentials provider verifies all of it and sets the session cookie
 * (or, for a signed-in user, links the Steam account).
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const linking = (await cookieSession()) !== null;
  // Only our own pages are allowed as the place to land afterwards.
  const landing = safeLocalPath(url.searchParams.get("next"), linking ? "/account/security" : "/");
  let target: unknown;
  let code: string | null = null;
  try {
    target = await signIn("steam", {
      assertion: url.searchParams.toString(),
      redirect: false,
      redirectTo: landing,
    });
  } catch (error) {
    // Called from the server, next-auth throws the provider's refusal instead of redirecting.
    if (!(error instanceof CredentialsSignin)) throw error;
    code = error.code;
  }
  const outcome = new URL(typeof target === "string" ? target : "/sign-in", url);
  code ??= outcome.searchParams.get("code");
  let location = outcome.pathname + outcome.search;
  if (code === "MFA_REQUIRED") location = "/sign-in?step=mfa";
  else if (code) {
    const query = new URLSearchParams({ error: code, provider: "Steam" });
    location = `${linking ? "/account/security" : "/sign-in"}?${query}`;
  }
  return new Response(null, { status: 302, headers: { location } });
}
