import { permissions } from "@guildhall/permissions";
import { isMessageKey, translate, type Locale, type MessageParams } from "./translate";

/** "Audit log: view" for `audit.read`: the roles editor's label, never the registry key. */
export function permissionLabel(locale: Locale, permission: string): string {
  const entry = permissions.find((p) => p.key === permission);
  if (!entry || !isMessageKey(entry.resourceKey) || !isMessageKey(entry.actionKey))
    return permission;
  return `${translate(locale, entry.resourceKey)}: ${translate(locale, entry.actionKey)}`;
}

/**
 * An error's parameters as a reader sees them: a permission key becomes its
 * translated label (the key itself stays in the error's `details` for programs).
 */
export function displayParams(locale: Locale, params: MessageParams): MessageParams {
  if (typeof params.permission !== "string") return params;
  return { ...params, permission: permissionLabel(locale, params.permission) };
}
