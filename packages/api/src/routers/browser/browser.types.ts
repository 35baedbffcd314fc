import type { LoginResult } from "@guildhall/core/identity";
import { z } from "zod";

/** A browser session the dashboard's cookie will name. */
export const browserSession = z.object({ userId: z.uuid(), sessionId: z.uuid() });

/** A first sign-in step: a session, or the MFA ticket the code step needs. */
export const browserSignInOutput = z.discriminatedUnion("mfaRequired", [
  browserSession.extend({ mfaRequired: z.literal(false) }),
  z.object({
    mfaRequired: z.literal(true),
    mfaTicket: z.string(),
    expiresIn: z.number().int(),
    userId: z.uuid(),
  }),
]);

/** Sign-in with a provider: linked to the signed-in user, a session, or the MFA step. */
export const externalOutput = z.union([
  z.object({ linked: z.literal(true), userId: z.uuid() }),
  z.object({ linked: z.literal(false), result: browserSignInOutput }),
]);

/**
 * What a provider proved about an account. Only the web server, after it
 * verified the provider's answer, ever builds one: these procedures are on no
 * HTTP route.
 */
export const externalProfile = z.object({
  provider: z.enum(["discord", "yandex", "steam"]),
  accountId: z.string().min(1).max(200),
  name: z.string().max(1000).nullish(),
  email: z.string().max(254).nullish(),
  emailVerified: z.boolean().optional(),
});

/** Free text as the sign-in form sent it: the rules of core decide, as before (bounded only). */
export const formText = z.string().max(1024);

/** A login's result as the browser needs it: its session (no tokens: the cookie names the session), or the MFA step. */
export function sessionOrMfa(result: LoginResult): z.infer<typeof browserSignInOutput> {
  if (result.mfaRequired) {
    const { mfaTicket, expiresIn, userId } = result;
    return { mfaRequired: true, mfaTicket, expiresIn, userId };
  }
  return { mfaRequired: false, userId: result.userId, sessionId: result.sessionId };
}
