import { CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { clientFault } from "./client-fault";

/** The MFA ticket waits in an httpOnly cookie between the first step and the code step. */
export const MFA_COOKIE = "gh_mfa_ticket";

export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/**
 * Our error codes travel to the sign-in page as the CredentialsSignin code
 * (an input the step's schema refused: VALIDATION_FAILED).
 */
export function refuse(error: unknown): never {
  const code = clientFault(error);
  if (!code) throw error;
  throw new SignInRefused(code);
}

/** Keeps the MFA ticket of a first step (password or provider) for the code step. */
export async function holdMfaTicket(
  result: { mfaTicket: string; expiresIn: number },
  url: string,
): Promise<void> {
  (await cookies()).set(MFA_COOKIE, result.mfaTicket, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: result.expiresIn,
    secure: new URL(url).protocol === "https:",
  });
}
