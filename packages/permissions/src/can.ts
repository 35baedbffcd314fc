import { expandPermission, type Permission } from "./registry";

/** A resolved set of what one principal may do in one hub. */
export interface Grants {
  /** Super admins act across hubs with every permission. */
  superAdmin: boolean;
  permissions: ReadonlySet<Permission>;
}

/** Expands granted permissions with everything they imply. */
export function grantsFrom(granted: Iterable<Permission>, superAdmin = false): Grants {
  const all = new Set<Permission>();
  for (const permission of granted) expandPermission(permission, all);
  return { superAdmin, permissions: all };
}

export function can(grants: Grants, permission: Permission): boolean {
  return grants.superAdmin || grants.permissions.has(permission);
}
