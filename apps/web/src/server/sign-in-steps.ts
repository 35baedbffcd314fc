import { AppError } from "@guildhall/core/errors";
import { type LoginResult } from "@guildhall/core/identity";
import { CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { requestAddress } from "./peer";

/** The MFA ticket waits in an httpOnly cookie between the first step and the code step. */
export const MFA_COOKIE = "gh_mfa_ticket";

export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** Our AppError codes travel to the sign-in page as the CredentialsSignin code. */
export function refuse(error: unknown): never {
  if (error instanceof AppError) throw new SignInRefused(error.code);
  throw error;
}

/** From the incoming request itself (next-auth's own Request object lacks the forwarding headers). */
export async function clientInfo() {
  const incoming = await headers();
  return { userAgent: incoming.get("user-agent"), ip: requestAddress(incoming) };
}

/** Keeps the MFA ticket of a first step (password or provider) for the code step. */
export async function holdMfaTicket(
  result: Extract<LoginResult, { mfaRequired: true }>,
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
