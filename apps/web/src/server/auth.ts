import {
  AppError,
  completeMfaLogin,
  getAuthSecret,
  getDatabase,
  getEnv,
  passwordLogin,
  revokeSessions,
} from "@guildhall/core";
import { clientIp, consumeLoginAttempt } from "@guildhall/api";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";

/** The MFA ticket waits in an httpOnly cookie between the password step and the code step. */
const MFA_COOKIE = "gh_mfa_ticket";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** Our AppError codes travel to the sign-in page as the CredentialsSignin code. */
function refuse(error: unknown): never {
  if (error instanceof AppError) throw new SignInRefused(error.code);
  throw error;
}

/** From the incoming request itself (next-auth's own Request object lacks the forwarding headers). */
async function clientInfo() {
  const incoming = await headers();
  return { userAgent: incoming.get("user-agent"), ip: clientIp(incoming) };
}

/**
 * Browser sign-in (next-auth). The cookie is a JWT holding our session id;
 * every request re-checks that session (see contextFromRequest), so logout,
 * deactivation and revocation apply at once, as for API tokens.
 */
async function config(): Promise<NextAuthConfig> {
  const { db } = await getDatabase();
  const maxAge = getEnv().REFRESH_TOKEN_TTL_DAYS * 86_400;
  return {
    secret: await getAuthSecret(db),
    trustHost: true,
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { login: {}, password: {}, code: {} },
        async authorize(credentials, request) {
          const jar = await cookies();
          const info = await clientInfo();
          try {
            if (typeof credentials.code === "string" && credentials.code) {
              const ticket = jar.get(MFA_COOKIE)?.value;
              if (!ticket) throw new AppError("INVALID_TOKEN");
              const result = await completeMfaLogin(db, {
                ticket,
                code: credentials.code,
                kind: "browser",
                ...info,
              });
              jar.delete(MFA_COOKIE);
              return { id: result.userId, sid: result.sessionId };
            }
            const login = typeof credentials.login === "string" ? credentials.login : "";
            await consumeLoginAttempt(info.ip, login);
            const result = await passwordLogin(db, {
              login,
              password: typeof credentials.password === "string" ? credentials.password : "",
              kind: "browser",
              ...info,
            });
            if (result.mfaRequired) {
              jar.set(MFA_COOKIE, result.mfaTicket, {
                httpOnly: true,
                sameSite: "lax",
                path: "/",
                maxAge: result.expiresIn,
                secure: new URL(request.url).protocol === "https:",
              });
              throw new SignInRefused("MFA_REQUIRED");
            }
            return { id: result.userId, sid: result.sessionId };
          } catch (error) {
            refuse(error);
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid, userId: token.sub };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
        if (sid) await revokeSessions(db, { sessionId: sid }, "logout");
      },
    },
  };
}

export const { handlers, auth } = NextAuth(() => config());

/** The session id and user of the dashboard cookie, if any. */
export async function cookieSession(): Promise<{ sid: string; sub: string } | null> {
  const session = (await auth()) as { sid?: unknown; userId?: unknown } | null;
  return typeof session?.sid === "string" && typeof session.userId === "string"
    ? { sid: session.sid, sub: session.userId }
    : null;
}
