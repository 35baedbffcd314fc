import {
  checkPassword,
  generateOpaqueToken,
  hashPassword,
  hashToken,
  verifyPassword,
} from "@guildhall/auth";
import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { recordAudit } from "../access";
import { publicUrl } from "../env";
import { AppError } from "../errors";
import { translate, resolveLocale } from "../i18n";
import { sendMail } from "../mail";
import { getUserByEmail, getUserById } from "../users";
import { passwordProblemKey } from "./password-problems";
import { revokeSessions } from "./revoke";

const lifetimes = { confirm: 24 * 3600_000, reset: 3600_000, change: 3600_000 } as const;
type Purpose = keyof typeof lifetimes;

async function createLink(tx: DbOrTx, user: { id: string; email: string }, purpose: Purpose) {
  const token = generateOpaqueToken("emailLink");
  await tx.insert(schema.emailTokens).values({
    userId: user.id,
    purpose,
    email: user.email,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + lifetimes[purpose]),
  });
  const path = purpose === "reset" ? "reset-password" : "confirm-email";
  return `${publicUrl()}/${path}?token=${encodeURIComponent(token)}`;
}

/** Sends (again) the link that confirms the account's address; valid 24 h, single use. */
export async function sendEmailConfirmation(db: Database, userId: string) {
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (!user.email) throw new AppError("BAD_REQUEST");
  const email = user.email;
  if (user.emailVerifiedAt) return { alreadyConfirmed: true };
  const link = await createLink(db, { id: user.id, email }, "confirm");
  const locale = resolveLocale(user.locale, null);
  await sendMail(db, {
    to: email,
    subject: translate(locale, "mail.confirm.subject"),
    text: translate(locale, "mail.confirm.text", { name: user.username, link }),
  });
  return { alreadyConfirmed: false };
}

/** Always answers the same, whether or not the address is registered (no account discovery). */
export async function requestPasswordReset(db: Database, email: string): Promise<void> {
  const user = await getUserByEmail(db, email);
  if (!user?.email || !user.isActive) return;
  const link = await createLink(db, { id: user.id, email: user.email }, "reset");
  const locale = resolveLocale(user.locale, null);
  await sendMail(db, {
    to: user.email,
    subject: translate(locale, "mail.reset.subject"),
    text: translate(locale, "mail.reset.text", { name: user.username, link }),
  });
}

/**
 * Claims a link: unexpired, unused, of one of these purposes, and (except an
 * address change, which names the new address) for the account's current address.
 */
async function claim(tx: DbOrTx, token: string, purposes: Purpose[]) {
  const t = schema.emailTokens;
  const [row] = await tx
    .update(t)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(t.tokenHash, hashToken(token)),
        inArray(t.purpose, purposes),
        isNull(t.usedAt),
        gt(t.expiresAt, new Date()),
      ),
    )
    .returning();
  const user = row ? await getUserById(tx, row.userId) : undefined;
  if (!row || !user) throw new AppError("INVALID_TOKEN");
  if (row.purpose !== "change" && user.email?.toLowerCase() !== row.email.toLowerCase())
    throw new AppError("INVALID_TOKEN");
  return { user, link: row };
}

/** Confirms the account's address, or (a change link) switches to the new, now confirmed, address. */
export async function confirmEmail(db: Database, token: string) {
  return db.transaction(async (tx) => {
    const { user, link } = await claim(tx, token, ["confirm", "change"]);
    if (link.purpose === "change") {
      const owner = await getUserByEmail(tx, link.email);
      if (owner && owner.id !== user.id)
        throw new AppError("EMAIL_TAKEN", {}, { fieldErrors: { email: ["errors.emailTaken"] } });
    }
    await tx
      .update(schema.users)
      .set({ emailVerifiedAt: new Date(), email: link.email })
      .where(eq(schema.users.id, user.id));
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: link.purpose === "change" ? "user.changeEmail" : "user.confirmEmail",
      targetType: "user",
      targetId: user.id,
      ...(link.purpose === "change"
        ? { before: { email: user.email }, after: { email: link.email } }
        : {}),
    });
    return { username: user.username };
  });
}

/**
 * Starts an address change: the current password (when the account has one)
 * proves it is the owner; a 1-hour link goes to the new address, and the old
 * address is told. Nothing changes until the link is used.
 */
export async function requestEmailChange(
  db: Database,
  input: { userId: string; email: string; password?: string },
) {
  const user = await getUserById(db, input.userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.password ?? "")))
    throw new AppError(
      "WRONG_PASSWORD",
      {},
      { fieldErrors: { password: ["errors.wrongPassword"] } },
    );
  const taken = await getUserByEmail(db, input.email);
  if (taken)
    throw new AppError(
      taken.id === user.id ? "CONFLICT" : "EMAIL_TAKEN",
      {},
      { fieldErrors: { email: ["errors.emailTaken"] } },
    );
  const link = await createLink(db, { id: user.id, email: input.email }, "change");
  const locale = resolveLocale(user.locale, null);
  await sendMail(db, {
    to: input.email,
    subject: translate(locale, "mail.change.subject"),
    text: translate(locale, "mail.change.text", { name: user.username, link }),
  });
  if (user.email)
    await sendMail(db, {
      to: user.email,
      subject: translate(locale, "mail.changeNotice.subject"),
      text: translate(locale, "mail.changeNotice.text", {
        name: user.username,
        email: input.email,
      }),
    });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPasswordWithLink(db: Database, token: string, password: string) {
  const hashed = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { user } = await claim(tx, token, ["reset"]);
    const problem = checkPassword(password, user);
    if (problem)
      throw new AppError(
        "WEAK_PASSWORD",
        {},
        { fieldErrors: { password: [passwordProblemKey[problem]] } },
      );
    await tx.update(schema.users).set({ passwordHash: hashed }).where(eq(schema.users.id, user.id));
    await revokeSessions(tx, { userId: user.id }, "password-reset");
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "user.resetPasswordByLink",
      targetType: "user",
      targetId: user.id,
    });
  });
}
