import type { DbOrTx } from "@guildhall/db";
import { grantsFrom, type Grants } from "@guildhall/permissions";
import { hubMembership, type Authority, type Hub, type MemberRole } from "./authority";
import type { Principal } from "./principal";

/** What a caller holds in a hub now: roles, top position and resolved grants. */
export interface HubStanding {
  /** Key of the caller's highest role (null for a super admin who is not a member). */
  role: string | null;
  roles: MemberRole[];
  /** Position of the caller's highest role; super admins rank above every role. */
  highest: number;
  grants: Grants;
}

/** What `authority` (null: not a member) amounts to for the caller; null without access. */
function standingOf(
  authority: Authority | null,
  principal: Pick<Principal, "superAdmin">,
): HubStanding | null {
  if (!authority && !principal.superAdmin) return null;
  const { roles, permissions, highest } = authority ?? { roles: [], permissions: [], highest: -1 };
  return {
    role: roles[0]?.key ?? null,
    roles,
    highest: principal.superAdmin ? Number.MAX_SAFE_INTEGER : highest,
    grants: grantsFrom(permissions, principal.superAdmin),
  };
}

/**
 * An active hub (by slug or id) and the caller's standing there, in one query;
 * undefined when there is no such hub or the caller has no access to it.
 * The hub middleware resolves every request with it.
 */
export async function hubAccess(
  db: DbOrTx,
  hub: { slug: string } | { id: string },
  principal: Pick<Principal, "userId" | "superAdmin">,
): Promise<{ hub: Hub; standing: HubStanding } | undefined> {
  const found = await hubMembership(db, hub, principal.userId);
  const standing = found ? standingOf(found.authority, principal) : null;
  return found && standing ? { hub: found.hub, standing } : undefined;
}

/**
 * The caller's roles and grants in a hub as stored now, or null when they are
 * not a member (and not a super admin) or the hub is gone. Live subscriptions
 * re-resolve with it while they run, as the hub middleware resolves every request.
 */
export async function hubStanding(
  db: DbOrTx,
  hubId: string,
  principal: Pick<Principal, "userId" | "superAdmin">,
): Promise<HubStanding | null> {
  return (await hubAccess(db, { id: hubId }, principal))?.standing ?? null;
}
