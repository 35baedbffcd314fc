import { checkPassword, hashPassword } from "@guildhall/auth";
import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { asc, eq, gt, sql, and, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { isSuperAdmin, namedInSettings, type Principal } from "../identity/principal";
import { passwordProblemKey } from "../identity/password-problems";
import { revokeSessions } from "../identity/revoke";
import { getUserById, getUserByUsername } from "./get-user";

/** A super admin may be changed only by themselves (seed 001: nobody edits the super admin). */
async function targetFor(tx: DbOrTx, actor: Principal, userId: string) {
  const user = await getUserById(tx, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (isSuperAdmin(user) && user.id !== actor.userId) throw new AppError("SUPER_ADMIN_PROTECTED");
  return user;
}

export function adminUserRow(user: typeof schema.users.$inferSelect) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    isActive: user.isActive,
    superAdmin: isSuperAdmin(user),
    /** Where it comes from: the account (changeable here), SUPER_ADMINS (fixed), or both. */
    instanceAdmin: user.instanceAdmin,
    namedInSettings: namedInSettings(user.username),
    mfaEnabled: user.mfaEnabledAt !== null,
    deletionRequestedAt: user.deletionRequestedAt,
    createdAt: user.createdAt,
  };
}

export async function listUsersForAdmin(
  db: DbOrTx,
  input: { query?: string; after?: string; limit: number },
) {
  const { users } = schema;
  const conditions: SQL[] = [];
  if (input.query)
    conditions.push(
      sql`lower(${users.username}) like ${`%${input.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
  if (input.after) conditions.push(gt(sql`lower(${users.username})`, input.after.toLowerCase()));
  const rows = await db
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sql`lower(${users.username})`))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(adminUserRow);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.username ?? null) : null };
}

/** Activates or deactivates an account; deactivation ends its sessions at once. */
export async function setUserActive(
  db: Database,
  actor: Principal,
  userId: string,
  active: boolean,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const user = await targetFor(tx, actor, userId);
    const [updated] = await tx
      .update(schema.users)
      .set({ isActive: active })
      .where(eq(schema.users.id, userId))
      .returning();
    if (!active) await revokeSessions(tx, { userId }, "deactivated");
    await recordAudit(tx, {
      hubId: null,
      actorId: actor.userId,
      action: active ? "user.activate" : "user.deactivate",
      targetType: "user",
      targetId: userId,
      before: { isActive: user.isActive },
      after: { isActive: active },
      ip,
    });
    return adminUserRow(updated!);
  });
}

export async function renameUser(
  db: Database,
  actor: Principal,
  userId: string,
  username: string,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const user = await targetFor(tx, actor, userId);
    const clash = await getUserByUsername(tx, username);
    if (clash && clash.id !== userId)
      throw new AppError(
        "USERNAME_TAKEN",
        {},
        { fieldErrors: { username: ["errors.usernameTaken"] } },
      );
    const [updated] = await tx
      .update(schema.users)
      .set({ username })
      .where(eq(schema.users.id, userId))
      .returning();
    await recordAudit(tx, {
      hubId: null,
      actorId: actor.userId,
      action: "user.rename",
      targetType: "user",
      targetId: userId,
      before: { username: user.username },
      after: { username },
      ip,
    });
    return adminUserRow(updated!);
  });
}

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
    await targetFor(tx, actor, userId);
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

export async function deleteUser(
  db: Database,
  actor: Principal,
  userId: string,
  ip?: string | null,
) {
  await db.transaction(async (tx) => {
    const user = await targetFor(tx, actor, userId);
    await recordAudit(tx, {
      hubId: null,
      actorId: actor.userId,
      action: "user.delete",
      targetType: "user",
      targetId: userId,
      before: { username: user.username },
      ip,
    });
    await tx.delete(schema.users).where(eq(schema.users.id, userId));
  });
}
