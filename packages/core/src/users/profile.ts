import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import { avatarUrl } from "./avatar";
import { getUserById } from "./get-user";

export interface ProfileUpdate {
  displayName?: string | null;
  description?: string | null;
  status?: string | null;
  bio?: string | null;
  locale?: string | null;
  timezone?: string | null;
  privacy?: Record<string, string>;
}

/** Days between asking to delete one's account and its removal (cancellable meanwhile). */
export const DELETION_GRACE_DAYS = 14;

/**
 * The profile fields a user sees of themselves; `recoveryCodesRemaining` is
 * countUnusedRecoveryCodes (identity), passed in to keep this a plain mapping.
 */
export function ownProfile(user: typeof schema.users.$inferSelect, recoveryCodesRemaining: number) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    description: user.description,
    status: user.status,
    bio: user.bio,
    avatarUrl: avatarUrl(user.avatarKey),
    locale: user.locale,
    timezone: user.timezone,
    privacy: user.privacy,
    mfaEnabled: user.mfaEnabledAt !== null,
    recoveryCodesRemaining,
    emailVerified: user.emailVerifiedAt !== null,
    deletionRequestedAt: user.deletionRequestedAt,
    /** When a requested deletion happens (unless cancelled before). */
    deleteAfter: user.deletionRequestedAt
      ? new Date(user.deletionRequestedAt.getTime() + DELETION_GRACE_DAYS * 86_400_000)
      : null,
    deletionGraceDays: DELETION_GRACE_DAYS,
    createdAt: user.createdAt,
  };
}

/** Updates the caller's own profile fields (audited); returns the updated account row. */
export async function updateProfile(db: Database, userId: string, update: ProfileUpdate) {
  return db.transaction(async (tx) => {
    const before = await getUserById(tx, userId);
    if (!before) throw new AppError("USER_NOT_FOUND");
    const [user] = await tx
      .update(schema.users)
      .set(update)
      .where(eq(schema.users.id, userId))
      .returning();
    await recordAudit(tx, {
      hubId: null,
      actorId: userId,
      action: "user.updateProfile",
      targetType: "user",
      targetId: userId,
      after: update,
    });
    return user!;
  });
}

/** What anyone signed in may see of another user. */
export function publicProfile(user: typeof schema.users.$inferSelect) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    description: user.description,
    status: user.status,
    bio: user.bio,
    avatarUrl: avatarUrl(user.avatarKey),
  };
}

/**
 * Exact or prefix search on usernames (case-insensitive), active accounts only,
 * keyset-paged by username. LIKE wildcards in the query are taken literally.
 */
export async function searchUsers(
  db: DbOrTx,
  input: { query: string; mode: "exact" | "prefix"; limit: number; after?: string },
) {
  const { users } = schema;
  const q = input.query.toLowerCase();
  const match =
    input.mode === "exact"
      ? sql`lower(${users.username}) = ${q}`
      : sql`lower(${users.username}) like ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        match,
        eq(users.isActive, true),
        isNull(users.deletionRequestedAt),
        ...(input.after ? [gt(sql`lower(${users.username})`, input.after.toLowerCase())] : []),
      ),
    )
    .orderBy(asc(sql`lower(${users.username})`))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(publicProfile);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.username ?? null) : null };
}

/** Self-deletion: the account is removed after 14 days unless cancelled (purgeDeletedAccounts). */
export async function requestDeletion(db: Database, userId: string) {
  return db.transaction(async (tx) => {
    const requestedAt = new Date();
    await tx
      .update(schema.users)
      .set({ deletionRequestedAt: requestedAt })
      .where(eq(schema.users.id, userId));
    await recordAudit(tx, {
      hubId: null,
      actorId: userId,
      action: "user.requestDeletion",
      targetType: "user",
      targetId: userId,
    });
    return {
      deletionRequestedAt: requestedAt,
      deleteAfter: new Date(requestedAt.getTime() + DELETION_GRACE_DAYS * 86_400_000),
    };
  });
}

export async function cancelDeletion(db: Database, userId: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ deletionRequestedAt: null })
      .where(eq(schema.users.id, userId));
    await recordAudit(tx, {
      hubId: null,
      actorId: userId,
      action: "user.cancelDeletion",
      targetType: "user",
      targetId: userId,
    });
  });
}

/** Removes accounts whose grace period is over (run by the scheduler). Returns how many. */
export async function purgeDeletedAccounts(db: DbOrTx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DELETION_GRACE_DAYS * 86_400_000);
  const rows = await db
    .delete(schema.users)
    // Column operators bind the Date as a timestamp (a raw sql`` parameter would not on postgres.js).
    .where(lte(schema.users.deletionRequestedAt, cutoff))
    .returning({ id: schema.users.id });
  return rows.length;
}
