import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit, type Principal } from "../access";
import { AppError } from "../errors";
import { getUserByUsername } from "../users";
import { adminTarget } from "./admin-target";
import { adminUserRow } from "./admin-user-row";

export async function renameUser(
  db: Database,
  actor: Principal,
  userId: string,
  username: string,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const user = await adminTarget(tx, actor, userId);
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
