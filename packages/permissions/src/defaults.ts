import { permissions, type Permission } from "./registry";

/**
 * The roles every hub starts with, highest first. `level` orders them: a member
 * may grant, edit or remove only roles below their own highest level.
 */
export const defaultRoles = {
  owner: { level: 100, permissions: "all" },
  admin: { level: 80, permissions: "all" },
  moderator: {
    level: 60,
    permissions: [
      "hub.read",
      "member.read",
      "member.invite",
      "member.ban",
      "role.read",
      "config.read",
      "audit.read",
    ],
  },
  member: { level: 20, permissions: ["hub.read", "member.read"] },
  guest: { level: 0, permissions: ["hub.read"] },
} as const satisfies Record<string, { level: number; permissions: "all" | readonly Permission[] }>;

export type DefaultRole = keyof typeof defaultRoles;

export function isDefaultRole(value: string): value is DefaultRole {
  return value in defaultRoles;
}

export function permissionsOfDefaultRole(role: DefaultRole): readonly Permission[] {
  const granted = defaultRoles[role].permissions;
  return granted === "all" ? permissions.map((p) => p.key) : granted;
}
