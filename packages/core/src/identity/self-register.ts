import { hashPassword } from "@guildhall/auth";
import { type Database } from "@guildhall/db";
import { publicUrl } from "../env";
import { isAppError } from "../errors";
import { resolveLocale, translate } from "../i18n";
import { getLogger } from "../logger";
import { sendMail } from "../mail";
import { getUserByEmail } from "../users";
import { registerUser, type RegisterInput } from "./register";

/** What every self-registration answers, whether or not the address already had an account. */
export interface RegistrationAnswer {
  ok: true;
}

/**
 * Self-service registration that does not tell whether an e-mail address has
 * an account (OWASP, "Account enumeration"): a new address gets an account and
 * a confirmation link, a registered one gets nothing but a mail to its owner.
 * Both answer `{ ok: true }` and both run one argon2 hash and send one mail, so
 * neither the answer nor its time differs. Usernames are public: a taken one
 * still answers USERNAME_TAKEN (checked before the address).
 */
export async function registerOwnAccount(
  db: Database,
  input: RegisterInput,
): Promise<RegistrationAnswer> {
  try {
    await registerUser(db, input);
  } catch (error) {
    if (!isAppError(error) || error.code !== "EMAIL_TAKEN") throw error;
    await hashPassword(input.password);
    await tellOwner(db, input.email);
  }
  return { ok: true };
}

/** "Someone tried to register with your address": sign in or reset the password. */
async function tellOwner(db: Database, email: string): Promise<void> {
  const owner = await getUserByEmail(db, email);
  if (!owner?.email) return;
  const base = publicUrl();
  const locale = resolveLocale(owner.locale, null);
  await sendMail(db, {
    to: owner.email,
    subject: translate(locale, "mail.registered.subject"),
    text: translate(locale, "mail.registered.text", {
      name: owner.username,
      signIn: `${base}/sign-in`,
      reset: `${base}/forgot-password`,
    }),
  }).catch((error: unknown) =>
    getLogger().warn(
      { err: error instanceof Error ? error.message : String(error), userId: owner.id },
      "already-registered mail not sent",
    ),
  );
}
