import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError } from "../errors";
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
