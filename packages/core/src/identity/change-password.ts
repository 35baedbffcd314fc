import { checkPassword, hashPassword, verifyPassword } from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import type { Principal } from "../access";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";
import { passwordProblemKey } from "./password-problems";
import { revokeSessions } from "./revoke";

/**
 * Changes one's own password (the old one is required when there is one: an
 * account made through a provider sets its first password here); optionally
 * ends every other session.
 */
export async function changePassword(
  db: Database,
  principal: Principal,
  input: {
    currentPassword?: string;
    newPassword: string;
    endOtherSessions: boolean;
    ip?: string | null;
  },
) {
  const user = await getUserById(db, principal.userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (
    user.passwordHash &&
    !(await verifyPassword(user.passwordHash, input.currentPassword ?? ""))
  ) {
    throw new AppError(
      "WRONG_PASSWORD",
      {},
      { fieldErrors: { currentPassword: ["errors.wrongPassword"] } },
    );
  }
  const problem = checkPassword(input.newPassword, user);
  if (problem)
    throw new AppError(
      "WEAK_PASSWORD",
      {},
      { fieldErrors: { newPassword: [passwordProblemKey[problem]] } },
    );
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, user.id));
    const ended = input.endOtherSessions
      ? await revokeSessions(
          tx,
          { userId: user.id, except: principal.sessionId },
          "password-change",
        )
      : 0;
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "user.changePassword",
      targetType: "user",
      targetId: user.id,
      after: { endedSessions: ended },
      ip: input.ip,
    });
    return { endedSessions: ended };
  });
}
