/**
 * The typed permission registry: every permission is `resource.action`, may
 * depend on others (granting it implies them), and has an i18n label key.
 * Each domain adds its rows here as it is built; procedures name these keys in
 * their middleware and the dashboard hides what the viewer may not do.
 */
const definitions = {
  // hubs, members, roles (issue 4)
  "hub.read": { dependsOn: [] },
  "hub.update": { dependsOn: ["hub.read"] },
  "hub.archive": { dependsOn: ["hub.update"] },
  "member.read": { dependsOn: ["hub.read"] },
  "member.invite": { dependsOn: ["member.read"] },
  "member.manage": { dependsOn: ["member.read"] },
  "member.ban": { dependsOn: ["member.read"] },
  "member.notes": { dependsOn: ["member.read"] },
  "role.read": { dependsOn: ["hub.read"] },
  "role.manage": { dependsOn: ["role.read"] },
  "role.assign": { dependsOn: ["role.read", "member.read"] },
  "feature.read": { dependsOn: ["hub.read"] },
  "feature.manage": { dependsOn: ["feature.read"] },
  "site.read": { dependsOn: ["hub.read"] },
  "site.manage": { dependsOn: ["site.read"] },
  "stream.read": { dependsOn: ["site.read"] },
  "stream.manage": { dependsOn: ["stream.read"] },
  "config.read": { dependsOn: ["hub.read"] },
  "config.update": { dependsOn: ["config.read"] },
  "audit.read": { dependsOn: ["hub.read"] },
  "audit.export": { dependsOn: ["audit.read"] },
  // tickets (issue 5)
  "ticket.create": { dependsOn: ["hub.read"] },
  "ticket.read": { dependsOn: ["hub.read"] },
  "ticket.manage": { dependsOn: ["ticket.read"] },
  "ticket.delete": { dependsOn: ["ticket.manage"] },
  // notifications, deliveries, points, community modules, plugins, bot, analytics (later issues)
  "notification.broadcast": { dependsOn: ["hub.read"] },
  "delivery.read": { dependsOn: ["hub.read"] },
  "delivery.manage": { dependsOn: ["delivery.read"] },
  "tracker.manage": { dependsOn: ["delivery.manage"] },
  "points.read": { dependsOn: ["hub.read"] },
  "points.manage": { dependsOn: ["points.read"] },
  "announcement.manage": { dependsOn: ["hub.read"] },
  "application.review": { dependsOn: ["member.read"] },
  "challenge.manage": { dependsOn: ["hub.read"] },
  "division.manage": { dependsOn: ["hub.read"] },
  "download.manage": { dependsOn: ["hub.read"] },
  "event.manage": { dependsOn: ["hub.read"] },
  "poll.manage": { dependsOn: ["hub.read"] },
  "task.manage": { dependsOn: ["hub.read"] },
  "economy.manage": { dependsOn: ["hub.read"] },
  // SPEC area 16: generated member banners (template, regeneration) and routes
  "banner.manage": { dependsOn: ["hub.read"] },
  "route.manage": { dependsOn: ["hub.read"] },
  "plugin.manage": { dependsOn: ["config.update"] },
  "bot.manage": { dependsOn: ["config.update"] },
  "analytics.read": { dependsOn: ["hub.read"] },
} as const satisfies Record<string, { dependsOn: readonly string[] }>;

export type Permission = keyof typeof definitions;
export type Resource = Permission extends `${infer R}.${string}` ? R : never;
export type Action = Permission extends `${string}.${infer A}` ? A : never;

export interface PermissionInfo {
  key: Permission;
  resource: Resource;
  action: Action;
  dependsOn: readonly Permission[];
  /** i18n keys of the label shown in the roles editor ("Members: ban"). */
  resourceKey: `permissions.resource.${Resource}`;
  actionKey: `permissions.action.${Action}`;
}

export const permissions: readonly PermissionInfo[] = (
  Object.keys(definitions) as Permission[]
).map((key) => {
  const [resource, action] = key.split(".") as [Resource, Action];
  return {
    key,
    resource,
    action,
    dependsOn: definitions[key].dependsOn,
    resourceKey: `permissions.resource.${resource}`,
    actionKey: `permissions.action.${action}`,
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
