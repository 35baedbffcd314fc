import { safeLocalPath } from "@guildhall/auth";
import { getEnv } from "@guildhall/core/env";
import { getAuthSecret } from "@guildhall/core/identity";
import { getDatabase } from "@guildhall/core/runtime";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { browserCaller } from "./browser-caller";
import type { CookieSession } from "./context";
import { oauthProviders, oauthSignIn, steamProvider } from "./external-sign-in";
import { holdMfaTicket, MFA_COOKIE, refuse, SignInRefused } from "./sign-in-steps";

/**
 * Browser sign-in (next-auth). The cookie is a JWT holding our session id;
 * every request re-checks that session (see contextFromRequest), so logout,
 * deactivation and revocation apply at once, as for API tokens. Each step is
 * a procedure of the API's browser router (`browserCaller`), with its limits
 * and error codes.
 */
async function config(): Promise<NextAuthConfig> {
  const { db } = await getDatabase();
  const maxAge = getEnv().REFRESH_TOKEN_TTL_DAYS * 86_400;
  return {
    secret: await getAuthSecret(db),
    trustHost: true,
    session: { strategy: "jwt", maxAge },
    // next-auth's own refusals (e.g. a wrong OAuth state) land on the sign-in page too.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { login: {}, password: {}, code: {} },
        async authorize(credentials, request) {
          const jar = await cookies();
          const text = (value: unknown) => (typeof value === "string" ? value : "");
          try {
            const steps = (await browserCaller()).browser;
            if (text(credentials.code)) {
              const ticket = jar.get(MFA_COOKIE)?.value ?? "";
              const result = await steps.completeMfa({ ticket, code: text(credentials.code) });
              jar.delete(MFA_COOKIE);
              return { id: result.userId, sid: result.sessionId };
            }
            const result = await steps.signIn({
              login: text(credentials.login),
              password: text(credentials.password),
            });
            if (result.mfaRequired) {
              await holdMfaTicket(result, request.url);
              throw new SignInRefused("MFA_REQUIRED");
            }
            return { id: result.userId, sid: result.sessionId };
          } catch (error) {
            refuse(error);
          }
        },
      }),
      // QR sign-in: the ticket `qrLogin.watch` gave this browser after a signed-in
      // device approved; MFA is not asked again (that device's session vouches).
      Credentials({
        id: "qr",
        credentials: { ticket: {} },
        async authorize(credentials) {
          try {
            const ticket = typeof credentials.ticket === "string" ? credentials.ticket : "";
            const result = await (await browserCaller()).browser.exchangeQr({ ticket });
            return { id: result.userId, sid: result.sessionId };
          } catch (error) {
            refuse(error);
          }
        },
      }),
      ...oauthProviders(),
      ...steamProvider(cookieSession),
    ],
    callbacks: {
      /**
       * Where next-auth may send the browser after a sign-in or sign-out: pages
       * of this site only, checked like every other redirect target.
       */
      redirect({ url, baseUrl }) {
        const origin = new URL(baseUrl).origin;
        if (url.startsWith("/")) return `${origin}${safeLocalPath(url)}`;
        try {
          const target = new URL(url);
          if (target.origin === origin)
            return `${origin}${safeLocalPath(target.pathname + target.search + target.hash)}`;
        } catch {
          // Not a URL at all: the home page.
        }
        return origin;
      },
      /** Discord and Yandex: sign in, sign up or link (see oauthSignIn); credentials pass. */
      signIn({ user, account, profile }) {
        if (account?.type !== "oauth" && account?.type !== "oidc") return true;
        return oauthSignIn(user, account, profile, cookieSession);
      },
      jwt({ token, user }) {
        if (user && "sid" in user) {
          token.sid = user.sid;
          token.sub = user.id;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid, userId: token.sub };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
        if (sid) await (await browserCaller()).browser.signOut({ sessionId: sid });
      },
    },
  };
}

export const { handlers, auth, signIn } = NextAuth(() => config());

function cookieSessionOf(session: unknown): CookieSession | null {
  const { sid, userId } = (session ?? {}) as { sid?: unknown; userId?: unknown };
  return typeof sid === "string" && typeof userId === "string" ? { sid, sub: userId } : null;
}

/** The dashboard cookie's session, if any (App Router: pages, route handlers, actions). */
export async function cookieSession(): Promise<CookieSession | null> {
  return cookieSessionOf(await auth());
}

/** next-auth's session cookie (`__Secure-` on https; `.0`, `.1`… when chunked). */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token(\.\d+)?=/;

/**
 * The same for a Pages Router API route, which has the Node request and
 * response. Requests without a session cookie skip next-auth (which would
 * answer them with fresh CSRF cookies).
 */
export async function nodeCookieSession(
  req: NextApiRequest,
  res: NextApiResponse,
): Promise<CookieSession | null> {
  if (!SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
  return cookieSessionOf(await auth(req, res));
}
