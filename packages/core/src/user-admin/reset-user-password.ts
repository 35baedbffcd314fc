import { checkPassword, hashPassword } from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit, type Principal } from "../access";
import { AppError } from "../errors";
import { passwordProblemKey, revokeSessions } from "../identity";
import { getUserById } from "../users";
import { adminTarget } from "./admin-target";

/** Sets another user's password and ends their sessions. */
export async function resetUserPassword(
  db: Database,
  actor: Principal,
  userId: string,
  password: string,
  ip?: string | null,
) {
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  const problem = checkPassword(password, user);
  if (problem)
    throw new AppError(
      "WEAK_PASSWORD",
      {},
      { fieldErrors: { password: [passwordProblemKey[problem]] } },
    );
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await adminTarget(tx, actor, userId);
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId));
    await revokeSessions(tx, { userId }, "password-reset-by-admin");
    await recordAudit(tx, {
      hubId: null,
      actorId: actor.userId,
      action: "user.resetPassword",
      targetType: "user",
      targetId: userId,
      ip,
    });
  });
}
