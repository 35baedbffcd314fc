import type { MatrixEntry } from "./callers";
import {
  allGet,
  everyone,
  hubPermission,
  hubStaff,
  nobody,
  signedIn,
  signedInGet,
} from "./callers";

/** The matrix rows of system, hubs, roles, members and the hub's audit log. */
export const hubsRows: Record<string, MatrixEntry> = {
  "system.health": { input: undefined, badInput: { unexpected: true }, outcomes: everyone },
  "system.watchHealth": {
    input: { intervalSeconds: 1 },
    badInput: { intervalSeconds: 0 },
    outcomes: everyone,
  },
  "system.languages": { input: undefined, badInput: { x: 1 }, outcomes: everyone },
  "hubs.get": { input: { hubSlug: "alpha" }, badInput: { hubSlug: 7 }, outcomes: everyone },
  "hubs.listMine": { input: undefined, badInput: "x", outcomes: signedIn },
  "hubs.listArchived": { input: undefined, badInput: "x", outcomes: signedIn },
  "hubs.create": {
    input: { slug: "matrix-hub", name: "Matrix" },
    badInput: { slug: "-bad-", name: "" },
    outcomes: { ...allGet("HUB_CREATION_CLOSED"), anonymous: "UNAUTHENTICATED", superAdmin: "ok" },
  },
  "hubs.settings": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("guest"),
  },
  "hubs.updateSettings": {
    input: { hubSlug: "alpha", description: "Updated by the matrix" },
    badInput: { hubSlug: "alpha", primaryColor: "red" },
    outcomes: hubPermission("admin"),
  },
  "hubs.uploadLogo": {
    // Valid input, but a text file: permitted callers reach the byte check and nothing is stored.
    input: { hubSlug: "alpha", image: Buffer.from("not an image").toString("base64") },
    badInput: { hubSlug: "alpha", image: "" },
    outcomes: hubPermission("admin", "INVALID_IMAGE"),
  },
  "hubs.removeLogo": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("admin"),
  },
  "hubs.archive": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("admin"),
    restoreAfterEach: true,
  },
  "hubs.restore": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "" },
    outcomes: signedInGet("HUB_NOT_FOUND"),
  },
  "hubs.join": {
    input: { hubSlug: "beta" },
    badInput: { hubSlug: "beta", message: "x".repeat(1001) },
    outcomes: { ...signedInGet("ok"), otherHub: "ALREADY_MEMBER" },
  },
  "hubs.acceptInvite": {
    input: { code: "nosuchcode1" },
    badInput: { code: "no spaces!" },
    outcomes: signedInGet("INVITE_NOT_FOUND"),
  },
  "hubs.leave": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: { ...hubPermission("guest"), owner: "LAST_OWNER", superAdmin: "MEMBER_NOT_FOUND" },
    restoreAfterEach: true,
  },
  "hubs.myPermissions": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("guest"),
  },
  "roles.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "roles.create": {
    input: { hubSlug: "alpha", name: "Matrix role", position: 100, permissions: ["hub.read"] },
    badInput: { hubSlug: "alpha", name: "", position: -1, permissions: ["not a permission"] },
    outcomes: hubPermission("admin"),
    restoreAfterEach: true,
  },
  "roles.update": {
    input: { hubSlug: "alpha", roleId: nobody, name: "Renamed" },
    badInput: { hubSlug: "alpha", roleId: "x" },
    outcomes: hubPermission("admin", "ROLE_NOT_FOUND"),
  },
  "roles.delete": {
    input: { hubSlug: "alpha", roleId: nobody },
    badInput: { hubSlug: "alpha", roleId: 5 },
    outcomes: hubPermission("admin", "ROLE_NOT_FOUND"),
  },
  "roles.permissions": { input: undefined, badInput: { x: 1 }, outcomes: everyone },
  "members.list": {
    input: { hubSlug: "alpha", query: "mem" },
    badInput: { hubSlug: "alpha", limit: 1000 },
    outcomes: hubPermission("member"),
  },
  "members.get": {
    input: { hubSlug: "alpha", userId: nobody },
    badInput: { hubSlug: "alpha", userId: "me" },
    outcomes: hubPermission("member", "MEMBER_NOT_FOUND"),
  },
  "members.roleHistory": {
    input: { hubSlug: "alpha", userId: nobody },
    badInput: { hubSlug: "alpha", userId: "me" },
    outcomes: hubPermission("member"),
  },
  "members.dismiss": {
    input: { hubSlug: "alpha", userId: nobody },
    badInput: { hubSlug: "alpha", userId: nobody, reason: "x".repeat(501) },
    outcomes: hubPermission("admin", "MEMBER_NOT_FOUND"),
  },
  "members.ban": {
    input: { hubSlug: "alpha", userId: nobody, reason: "spam" },
    badInput: { hubSlug: "alpha", userId: nobody, reason: "" },
    outcomes: hubPermission("moderator", "USER_NOT_FOUND"),
  },
  "members.unban": {
    input: { hubSlug: "alpha", userId: nobody },
    badInput: { hubSlug: "alpha", userId: "x" },
    outcomes: hubPermission("moderator", "BAN_NOT_FOUND"),
  },
  "members.bans": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubPermission("moderator"),
  },
  "members.addNote": {
    input: { hubSlug: "alpha", userId: nobody, body: "note" },
    badInput: { hubSlug: "alpha", userId: nobody, body: "" },
    outcomes: hubPermission("moderator", "USER_NOT_FOUND"),
  },
  "members.grantRole": {
    input: { hubSlug: "alpha", userId: nobody, roleId: nobody },
    badInput: { hubSlug: "alpha", userId: nobody },
    outcomes: hubPermission("admin", "ROLE_NOT_FOUND"),
  },
  "members.revokeRole": {
    input: { hubSlug: "alpha", userId: nobody, roleId: nobody },
    badInput: { hubSlug: "alpha", roleId: nobody },
    outcomes: hubPermission("admin", "ROLE_NOT_FOUND"),
  },
  "members.invites.create": {
    input: { hubSlug: "alpha", expiresInHours: 1 },
    badInput: { hubSlug: "alpha", expiresInHours: 0 },
    outcomes: hubPermission("moderator"),
  },
  "members.invites.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "members.invites.revoke": {
    input: { hubSlug: "alpha", inviteId: nobody },
    badInput: { hubSlug: "alpha", inviteId: "x" },
    outcomes: hubPermission("moderator", "INVITE_NOT_FOUND"),
  },
  "members.applications.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", status: "maybe" },
    outcomes: hubPermission("moderator"),
  },
  "members.applications.decide": {
    input: { hubSlug: "alpha", applicationId: nobody, accept: true },
    badInput: { hubSlug: "alpha", applicationId: nobody },
    outcomes: hubPermission("moderator", "JOIN_APPLICATION_NOT_FOUND"),
  },
  "audit.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubStaff,
  },
};
