import { checkPassword } from "@guildhall/auth";
import { type Database } from "@guildhall/db";
import { recordAudit } from "../access";
import { getLogger } from "../logger";
import { AppError, violatedConstraint } from "../errors";
import { createUser, getUserByEmail, getUserByUsername } from "../users";
import { sendEmailConfirmation } from "./email-links";
import { passwordProblemKey } from "./password-problems";

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  description?: string | null;
  status?: string | null;
  locale?: string | null;
  ip?: string | null;
}

/** Postgres unique violations of the two user keys become the same errors as the pre-checks. */
function uniqueViolation(error: unknown): AppError | null {
  const name = violatedConstraint(error);
  if (name === null) return null;
  if (name.includes("email"))
    return new AppError("EMAIL_TAKEN", {}, { fieldErrors: { email: ["errors.emailTaken"] } });
  return new AppError(
    "USERNAME_TAKEN",
    {},
    { fieldErrors: { username: ["errors.usernameTaken"] } },
  );
}

/** Creates an account: unique username and e-mail (case-insensitive), password policy; audited. */
export async function registerUser(db: Database, input: RegisterInput) {
  const user = await insertAccount(db, input);
  // After the commit: a mail failure must not undo the account (the link can be re-sent).
  await sendEmailConfirmation(db, user.id).catch((error: unknown) =>
    getLogger().warn(
      { err: error instanceof Error ? error.message : String(error), userId: user.id },
      "confirmation mail not sent",
    ),
  );
  return user;
}

async function insertAccount(db: Database, input: RegisterInput) {
  const problem = checkPassword(input.password, input);
  if (problem)
    throw new AppError(
      "WEAK_PASSWORD",
      {},
      { fieldErrors: { password: [passwordProblemKey[problem]] } },
    );
  try {
    return await db.transaction(async (tx) => {
      if (await getUserByUsername(tx, input.username))
        throw uniqueViolation({ code: "23505", constraint: "username" })!;
      if (await getUserByEmail(tx, input.email))
        throw uniqueViolation({ code: "23505", constraint: "email" })!;
      const user = await createUser(tx, input);
      await recordAudit(tx, {
        hubId: null,
        actorId: user.id,
        action: "user.register",
        targetType: "user",
        targetId: user.id,
        after: { username: user.username },
        ip: input.ip,
      });
      return user;
    });
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}
