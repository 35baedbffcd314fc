"use client";

import { can, grantsFrom } from "@guildhall/permissions";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useTRPC } from "~/lib/trpc";

export interface StaffMember {
  userId: string;
  username: string;
  displayName: string | null;
}

/**
 * The hub's members who handle tickets (a role granting ticket.manage), for
 * the assignee pickers. Needs role.read and member.read (moderators and admins
 * have both); `available` is false otherwise and callers fall back to search.
 */
export function useTicketStaff(hubSlug: string, enabled: boolean) {
  const trpc = useTRPC();
  const perms = useHubPermissions(hubSlug);
  const allowed = enabled && perms.can("role.read") && perms.can("member.read");
  const roles = useQuery({ ...trpc.roles.list.queryOptions({ hubSlug }), enabled: allowed });
  const staffRoles = (roles.data?.items ?? []).filter((role) =>
    can(grantsFrom(role.permissions), "ticket.manage"),
  );
  const lists = useQueries({
    queries: staffRoles.map((role) =>
      trpc.members.list.queryOptions({ hubSlug, roleId: role.id, limit: 100 }),
    ),
  });
  const byId = new Map<string, StaffMember>();
  for (const list of lists)
    for (const m of list.data?.items ?? [])
      byId.set(m.id, { userId: m.id, username: m.username, displayName: m.displayName });
  return {
    available: allowed && roles.isSuccess,
    members: [...byId.values()].sort((a, b) => a.username.localeCompare(b.username)),
  };
}

/** "Display name (username)" or the username. */
export const staffLabel = (m: StaffMember) =>
  m.displayName && m.displayName !== m.username ? `${m.displayName} (${m.username})` : m.username;
