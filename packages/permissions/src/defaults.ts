import type { Permission } from "./registry";

/** Stored in a role's permission list: every permission, including ones added later. */
export const ALL_PERMISSIONS = "*";
export type Grant = Permission | typeof ALL_PERMISSIONS;

export interface DefaultRole {
  key: "owner" | "admin" | "moderator" | "member" | "guest";
  name: string;
  /** Higher = more authority; a member manages only roles below their highest position. */
  position: number;
  permissions: readonly Grant[];
}

/** The roles every hub starts with, highest first. */
export const defaultRoles: readonly DefaultRole[] = [
  { key: "owner", name: "Owner", position: 1000, permissions: [ALL_PERMISSIONS] },
  { key: "admin", name: "Admin", position: 800, permissions: [ALL_PERMISSIONS] },
  {
    key: "moderator",
    name: "Moderator",
    position: 600,
    permissions: [
      "member.invite",
      "member.ban",
      "member.notes",
      "role.read",
      "feature.read",
      "site.read",
      "stream.read",
      "config.read",
      "audit.read",
      "ticket.create",
      "ticket.manage",
      "application.review",
    ],
  },
  {
    key: "member",
    name: "Member",
    position: 200,
    permissions: ["member.read", "ticket.create", "ticket.read"],
  },
  { key: "guest", name: "Guest", position: 0, permissions: ["hub.read"] },
];

export type DefaultRoleKey = DefaultRole["key"];

/** The role a new member gets when nothing else is said (an invite may preset another). */
export const NEW_MEMBER_ROLE: DefaultRoleKey = "member";
