import { ALL_PERMISSIONS } from "./defaults";
import { expandPermission, isPermission, permissions, type Permission } from "./registry";

/** A resolved set of what one principal may do in one hub. */
export interface Grants {
  /** Super admins act across hubs with every permission. */
  superAdmin: boolean;
  permissions: ReadonlySet<Permission>;
}

/**
 * Expands granted permissions (as stored on roles) with everything they imply.
 * `*` grants all; unknown strings (a permission since removed) are ignored.
 */
export function grantsFrom(granted: Iterable<string>, superAdmin = false): Grants {
  const all = new Set<Permission>();
  for (const permission of granted) {
    if (permission === ALL_PERMISSIONS) {
      for (const info of permissions) all.add(info.key);
      break;
    }
    if (isPermission(permission)) expandPermission(permission, all);
  }
  return { superAdmin, permissions: all };
}

export function can(grants: Grants, permission: Permission): boolean {
  return grants.superAdmin || grants.permissions.has(permission);
}
