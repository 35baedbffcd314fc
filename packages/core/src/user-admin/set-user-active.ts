import { schema, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit, type Principal } from "../access";
import { revokeSessions } from "../identity";
import { adminTarget } from "./admin-target";
import { adminUserRow } from "./admin-user-row";

/** Activates or deactivates an account; deactivation ends its sessions at once. */
export async function setUserActive(
  db: Database,
  actor: Principal,
  userId: string,
  active: boolean,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const user = await adminTarget(tx, actor, userId);
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
