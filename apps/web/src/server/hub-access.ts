import { hubMembership } from "@guildhall/core/access";
import { getDatabase } from "@guildhall/core/runtime";
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
  // The hub and the user's roles there in one query, as the API's hub middleware reads them.
  const found = await hubMembership(db, { slug: hubSlug }, user.userId);
  if (!found) return null;
  const { hub, authority } = found;
  const grants = grantsFrom(authority?.permissions ?? [], user.superAdmin);
  return {
    hub,
    superAdmin: user.superAdmin,
    can: (permission: Permission) => can(grants, permission),
  };
}
