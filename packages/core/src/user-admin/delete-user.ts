import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit, type Principal } from "../access";
import { adminTarget } from "./admin-target";

export async function deleteUser(
  db: Database,
  actor: Principal,
  userId: string,
  ip?: string | null,
) {
  await db.transaction(async (tx) => {
    const user = await adminTarget(tx, actor, userId);
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
