/**
 * The typed permission registry: every permission is `resource.action`, may
 * depend on others (granting it implies them), and has an i18n label key.
 * Each domain adds its rows here as it is built; procedures name these keys in
 * their middleware and the dashboard hides what the viewer may not do.
 */
const definitions = {
  "hub.read": { dependsOn: [] },
  "hub.update": { dependsOn: ["hub.read"] },
  "hub.archive": { dependsOn: ["hub.update"] },
  "member.read": { dependsOn: ["hub.read"] },
  "member.invite": { dependsOn: ["member.read"] },
  "member.manage": { dependsOn: ["member.read"] },
  "member.ban": { dependsOn: ["member.read"] },
  "role.read": { dependsOn: ["hub.read"] },
  "role.manage": { dependsOn: ["role.read"] },
  "config.read": { dependsOn: ["hub.read"] },
  "config.update": { dependsOn: ["config.read"] },
  "audit.read": { dependsOn: ["hub.read"] },
} as const satisfies Record<string, { dependsOn: readonly string[] }>;

export type Permission = keyof typeof definitions;
export type Resource = Permission extends `${infer R}.${string}` ? R : never;

export interface PermissionInfo {
  key: Permission;
  resource: Resource;
  action: string;
  dependsOn: readonly Permission[];
  /** i18n key of the label shown in the roles editor. */
  labelKey: `permissions.${Permission}`;
}

export const permissions: readonly PermissionInfo[] = (
  Object.keys(definitions) as Permission[]
).map((key) => {
  const [resource, action] = key.split(".") as [Resource, string];
  return {
    key,
    resource,
    action,
    dependsOn: definitions[key].dependsOn,
    labelKey: `permissions.${key}`,
  };
});

export function isPermission(value: string): value is Permission {
  return value in definitions;
}

/** The permission plus everything it implies, transitively. */
export function expandPermission(
  permission: Permission,
  into: Set<Permission> = new Set(),
): Set<Permission> {
  if (into.has(permission)) return into;
  into.add(permission);
  for (const dependency of definitions[permission].dependsOn) expandPermission(dependency, into);
  return into;
}
