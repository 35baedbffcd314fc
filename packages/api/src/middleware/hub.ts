import {
  AppError,
  hubMembership,
  type Authority,
  type MemberRole,
  type Principal,
} from "@guildhall/core";
import type { DbOrTx } from "@guildhall/db";
import { grantsFrom, type Grants } from "@guildhall/permissions";
import { enforceRoleQuota } from "./rate-limit";
import { authedProcedure } from "../trpc";

/** The hub a request acts in, with the caller's roles and resolved grants there. */
export interface HubScope {
  id: string;
  slug: string;
  name: string;
  /** Key of the caller's highest role (null for a super admin who is not a member). */
  role: string | null;
  roles: MemberRole[];
  /** Position of the caller's highest role; super admins rank above every role. */
  highest: number;
  grants: Grants;
}

/** What a caller holds in a hub now: the part of `HubScope` read from the database. */
export type HubStanding = Pick<HubScope, "role" | "roles" | "highest" | "grants">;

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
 * The caller's roles and grants in a hub as stored now, or null when they are
 * not a member (and not a super admin) or the hub is gone. Live subscriptions
 * re-resolve with it while they run, as the hub middleware resolves every request.
 */
export async function hubStanding(
  db: DbOrTx,
  hubId: string,
  principal: Pick<Principal, "userId" | "superAdmin">,
): Promise<HubStanding | null> {
  const found = await hubMembership(db, { id: hubId }, principal.userId);
  return found ? standingOf(found.authority, principal) : null;
}

function requestedSlug(rawInput: unknown, header: string | null): string | null {
  if (rawInput && typeof rawInput === "object" && "hubSlug" in rawInput) {
    const value = (rawInput as { hubSlug?: unknown }).hubSlug;
    if (typeof value === "string" && value.trim()) return value.trim().toLowerCase();
  }
  return header;
}

/**
 * Resolves the hub from the input's `hubSlug` (REST path) or the `x-hub`
 * header, on the server, and checks membership. A hub the caller does not
 * belong to reads as not found, so its existence is not revealed.
 */
export const hubProcedure = authedProcedure
  .meta({ access: { kind: "hub" } })
  .use(async ({ ctx, next, getRawInput }) => {
    const rawInput = await getRawInput();
    const slug = requestedSlug(rawInput, ctx.hubHeader);
    if (!slug) throw new AppError("HUB_REQUIRED");
    // The hub, the membership and the roles in one query (every hub request pays for it).
    const found = await hubMembership(ctx.db, { slug }, ctx.principal.userId);
    const standing = found ? standingOf(found.authority, ctx.principal) : null;
    if (!found || !standing) throw new AppError("HUB_NOT_FOUND", { hub: slug });
    const { hub } = found;
    await enforceRoleQuota(ctx, hub.id, standing.role);
    const scope: HubScope = { id: hub.id, slug: hub.slug, name: hub.name, ...standing };
    // Procedures declare `hubSlug` in their input (it is the REST path parameter);
    // a hub named by header is filled in so both ways validate the same.
    const withSlug =
      rawInput === undefined ||
      (typeof rawInput === "object" && rawInput !== null && !("hubSlug" in rawInput));
    return next({
      ctx: { ...ctx, hub: scope },
      ...(withSlug ? { getRawInput: () => Promise.resolve({ ...rawInput, hubSlug: slug }) } : {}),
    });
  });
