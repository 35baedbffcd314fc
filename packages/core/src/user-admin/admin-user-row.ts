import { type schema } from "@guildhall/db";
import { isSuperAdmin, namedInSettings } from "../access";

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
