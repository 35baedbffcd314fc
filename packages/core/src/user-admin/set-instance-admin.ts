import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, sql } from "drizzle-orm";
import { namedInSettings, recordAudit, type Principal } from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";
import { adminUserRow } from "./admin-user-row";

/**
 * How many active accounts stay super admins once `leaving` is not one by its
 * stored flag. The flagged rows are locked first, so two admins demoting each
 * other at once take turns and cannot both succeed.
 */
async function adminsLeft(tx: DbOrTx, leaving: string): Promise<number> {
  const { users } = schema;
  const flagged = await tx
    .select({ id: users.id, username: users.username, isActive: users.isActive })
    .from(users)
    .where(eq(users.instanceAdmin, true))
    .for("update");
  const fromFlags = flagged.filter((row) => row.id !== leaving && row.isActive).length;
  if (fromFlags > 0) return fromFlags;
  // Accounts SUPER_ADMINS names count too (they cannot be demoted here).
  const active = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.isActive, true), sql`${users.id} <> ${leaving}`));
  return active.filter((row) => namedInSettings(row.username)).length;
}

/**
 * Makes an account an instance administrator (super admin) or stops it being
 * one by its stored flag; the last one stays (LAST_INSTANCE_ADMIN). An account
 * SUPER_ADMINS names stays a super admin whatever its flag says. Unlike
 * renames, password resets and deactivation (which could take an account
 * over, so only its owner may do them to a super admin), any super admin may
 * demote another. Audited in the instance log, in the same transaction.
 */
export async function setInstanceAdmin(
  db: Database,
  actor: Principal,
  userId: string,
  instanceAdmin: boolean,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const user = await getUserById(tx, userId);
    if (!user) throw new AppError("USER_NOT_FOUND");
    if (user.instanceAdmin === instanceAdmin) return adminUserRow(user);
    if (!instanceAdmin && !namedInSettings(user.username) && (await adminsLeft(tx, user.id)) === 0)
      throw new AppError("LAST_INSTANCE_ADMIN");
    const [updated] = await tx
      .update(schema.users)
      .set({ instanceAdmin })
      .where(eq(schema.users.id, userId))
      .returning();
    await recordAudit(tx, {
      hubId: null,
      actorId: actor.userId,
      action: instanceAdmin ? "user.promote" : "user.demote",
      targetType: "user",
      targetId: userId,
      before: { instanceAdmin: user.instanceAdmin },
      after: { instanceAdmin },
      ip,
    });
    return adminUserRow(updated!);
  });
}
