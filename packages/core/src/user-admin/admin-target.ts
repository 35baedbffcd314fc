import { type DbOrTx } from "@guildhall/db";
import { isSuperAdmin, type Principal } from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";

export async function adminTarget(tx: DbOrTx, actor: Principal, userId: string) {
  const user = await getUserById(tx, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (isSuperAdmin(user) && user.id !== actor.userId) throw new AppError("SUPER_ADMIN_PROTECTED");
  return user;
}
