"use client";

import type { Permission } from "@guildhall/permissions";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc";

/**
 * What the viewer may do in a hub, from the same registry the API checks:
 * pages hide controls the viewer lacks (the API refuses them anyway).
 */
export function useHubPermissions(hubSlug: string) {
  const trpc = useTRPC();
  const query = useQuery(trpc.hubs.myPermissions.queryOptions({ hubSlug }));
  const data = query.data;
  return {
    ready: data !== undefined,
    can: (permission: Permission) =>
      data ? data.superAdmin || data.permissions.includes(permission) : false,
    /** Position of the viewer's highest role (super admins outrank everything). */
    highest: data
      ? data.superAdmin
        ? Number.MAX_SAFE_INTEGER
        : (data.roles[0]?.position ?? -1)
      : -1,
    superAdmin: data?.superAdmin ?? false,
  };
}
