import { getDatabase, getHubBySlug, memberAuthority } from "@guildhall/core";
import { can, grantsFrom, type Permission } from "@guildhall/permissions";
import { currentUser } from "./current-user";

/**
 * What the signed-in user may do in a hub, resolved on the server the way the
 * API does, so a page shows only the controls that will work. The API checks
 * every call again; this only decides what to render. Null without a session
 * or hub (the hub layout has already answered those).
 */
export async function hubAccess(hubSlug: string) {
  const user = await currentUser();
  if (!user) return null;
  const { db } = await getDatabase();
  const hub = await getHubBySlug(db, hubSlug);
  if (!hub) return null;
  const authority = await memberAuthority(db, hub.id, user.userId);
  const grants = grantsFrom(authority.permissions, user.superAdmin);
  return {
    hub,
    superAdmin: user.superAdmin,
    can: (permission: Permission) => can(grants, permission),
  };
}
