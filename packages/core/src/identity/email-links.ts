import { generateOpaqueToken, hashPassword, hashToken, checkPassword } from "@guildhall/auth";
import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../audit";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { translate, resolveLocale } from "../i18n";
import { sendMail } from "../mail/send-mail";
import { getUserByEmail, getUserById } from "../users";
import { passwordProblemKey } from "./password-problems";
import { revokeSessions } from "./revoke";

const lifetimes = { confirm: 24 * 3600_000, reset: 3600_000 } as const;

async function createLink(
  tx: DbOrTx,
  user: { id: string; email: string },
  purpose: "confirm" | "reset",
) {
  const token = generateOpaqueToken("emailLink");
  await tx.insert(schema.emailTokens).values({
    userId: user.id,
    purpose,
    email: user.email,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + lifetimes[purpose]),
  });
  const path = purpose === "confirm" ? "confirm-email" : "reset-password";
  return `${getEnv().PUBLIC_URL.replace(/\/$/, "")}/${path}?token=${encodeURIComponent(token)}`;
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

/** Claims a link: unexpired, unused, of this purpose, and for the account's current address. */
async function claim(tx: DbOrTx, token: string, purpose: "confirm" | "reset") {
  const t = schema.emailTokens;
  const [row] = await tx
    .update(t)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(t.tokenHash, hashToken(token)),
        eq(t.purpose, purpose),
        isNull(t.usedAt),
        gt(t.expiresAt, new Date()),
      ),
    )
    .returning();
  const user = row ? await getUserById(tx, row.userId) : undefined;
  if (!row || !user || user.email?.toLowerCase() !== row.email.toLowerCase())
    throw new AppError("INVALID_TOKEN");
  return user;
}

export async function confirmEmail(db: Database, token: string) {
  return db.transaction(async (tx) => {
    const user = await claim(tx, token, "confirm");
    await tx
      .update(schema.users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(schema.users.id, user.id));
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "user.confirmEmail",
      targetType: "user",
      targetId: user.id,
    });
    return { username: user.username };
  });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPasswordWithLink(db: Database, token: string, password: string) {
  const hashed = await hashPassword(password);
  return db.transaction(async (tx) => {
    const user = await claim(tx, token, "reset");
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
