import type { ErrorCode } from "@guildhall/core/errors";
import type { Role, TokenCaller } from "./support/world";
import { worldChat } from "./support/world-chat";

export type Outcome = "ok" | ErrorCode;

export interface MatrixEntry {
  /** A valid input for the first hub ("alpha"). */
  input: unknown;
  /** An input that must fail validation (called as super admin). */
  badInput: unknown;
  outcomes: Record<Role, Outcome>;
  /** The call changes the world: run roles one by one and restore the world after each. */
  restoreAfterEach?: boolean;
  /** What `owner`'s application tokens get, where it differs from `tokenRule` (say why). */
  tokenOutcomes?: Partial<Record<TokenCaller, Outcome>>;
}

/** The scopes each token caller holds (`write` implies `read`). */
const tokenScopes: Record<TokenCaller, readonly ("read" | "write")[]> = {
  readToken: ["read"],
  writeToken: ["read", "write"],
};

/**
 * What an application token of `owner` gets by default, from the row's own
 * outcomes and the procedure's kind (queries and subscriptions read, mutations write):
 * - public procedures (anonymous is let in): the same as `owner`, whatever the scope;
 * - otherwise a token without the needed scope: SCOPE_MISSING;
 * - super-admin procedures are never reached through a token (owner is refused anyway);
 * - otherwise the same as `owner` signed in.
 */
export function tokenRule(
  entry: MatrixEntry,
  kind: "query" | "mutation" | "subscription",
  token: TokenCaller,
): Outcome {
  const override = entry.tokenOutcomes?.[token];
  if (override) return override;
  if (entry.outcomes.anonymous !== "UNAUTHENTICATED") return entry.outcomes.owner;
  const needed = kind === "mutation" ? "write" : "read";
  if (!tokenScopes[token].includes(needed)) return "SCOPE_MISSING";
  return entry.outcomes.owner;
}

const everyone: Record<Role, Outcome> = {
  anonymous: "ok",
  guest: "ok",
  member: "ok",
  moderator: "ok",
  admin: "ok",
  owner: "ok",
  superAdmin: "ok",
  otherHub: "ok",
};

const signedIn: Record<Role, Outcome> = { ...everyone, anonymous: "UNAUTHENTICATED" };

/** Everyone reaches the handler; it answers `code` (state, not authority). */
const allGet = (code: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(Object.keys(everyone).map((r) => [r, code])) as Record<Role, Outcome>;
const signedInGet = (code: Outcome): Record<Role, Outcome> => ({
  ...allGet(code),
  anonymous: "UNAUTHENTICATED",
});

/** Instance administration: super admins only. */
const superAdminOnly = (superAdmin: Outcome = "ok"): Record<Role, Outcome> => ({
  ...allGet("SUPER_ADMIN_REQUIRED"),
  anonymous: "UNAUTHENTICATED",
  superAdmin,
});

const nobody = "00000000-0000-7000-8000-000000000000";

/** Hub members ranked from `from` up get `state`; lower ones lack the permission. */
const hubPermission = (
  from: "guest" | "member" | "moderator" | "admin" | "owner",
  state: Outcome = "ok",
): Record<Role, Outcome> => {
  const ranks = ["guest", "member", "moderator", "admin", "owner"] as const;
  const at = ranks.indexOf(from);
  return {
    anonymous: "UNAUTHENTICATED",
    ...(Object.fromEntries(
      ranks.map((role, i) => [role, i >= at ? state : "PERMISSION_DENIED"]),
    ) as Record<(typeof ranks)[number], Outcome>),
    superAdmin: state,
    otherHub: "HUB_NOT_FOUND",
  };
};

/**
 * Private chats belong to their two people: the world's chat is `member`'s and
 * `moderator`'s; everyone else, super admins too, is told it does not exist.
 */
const chatParticipants = (member: Outcome = "ok", moderator: Outcome = member) => ({
  ...signedInGet("CHAT_NOT_FOUND"),
  member,
  moderator,
});
const onWorldChat = { chatId: worldChat.chatId };

/** Hub staff from moderator up (and super admins); members of other hubs never see the hub. */
const hubStaff = hubPermission("moderator");

/**
 * Every procedure of the app router, what each kind of caller gets, and an
 * input that must be refused. The matrix test fails when a procedure is missing.
 */
export const authorizationMatrix: Record<string, MatrixEntry> = {
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
  // sites and streams (seed 001): moderators read, admins and owners manage; `nobody` is no site.
  "sites.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubPermission("moderator"),
  },
  "sites.get": {
    input: { hubSlug: "alpha", siteId: nobody },
    badInput: { hubSlug: "alpha", siteId: "x" },
    outcomes: hubPermission("moderator", "SITE_NOT_FOUND"),
  },
  "sites.create": {
    // A user who is no member of the hub is refused (and nothing is created).
    input: { hubSlug: "alpha", name: "Matrix site", userIds: [nobody] },
    badInput: { hubSlug: "alpha", name: "" },
    outcomes: hubPermission("admin", "NOT_A_MEMBER"),
  },
  "sites.update": {
    input: { hubSlug: "alpha", siteId: nobody, name: "Renamed" },
    badInput: { hubSlug: "alpha", siteId: nobody, name: "x".repeat(65) },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.delete": {
    input: { hubSlug: "alpha", siteId: nobody },
    badInput: { hubSlug: "alpha", siteId: 1 },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.addUser": {
    input: { hubSlug: "alpha", siteId: nobody, userId: nobody },
    badInput: { hubSlug: "alpha", siteId: nobody, userId: "me" },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.removeUser": {
    input: { hubSlug: "alpha", siteId: nobody, userId: nobody },
    badInput: { hubSlug: "alpha", siteId: "x", userId: nobody },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.listMine": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("guest"),
  },
  "sites.streams.list": {
    input: { hubSlug: "alpha", siteId: nobody },
    badInput: { hubSlug: "alpha", siteId: "x" },
    outcomes: hubPermission("moderator", "SITE_NOT_FOUND"),
  },
  "sites.streams.create": {
    input: {
      hubSlug: "alpha",
      siteId: nobody,
      name: "Gate",
      videoUrl: "rtsp://camera.example.test/gate",
      modelKey: "yolo11n",
    },
    badInput: {
      hubSlug: "alpha",
      siteId: nobody,
      name: "Gate",
      videoUrl: "file:///etc/passwd",
      modelKey: "yolo11n",
      workStartHour: 24,
    },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.streams.update": {
    input: { hubSlug: "alpha", siteId: nobody, streamId: nobody, storeVideo: true },
    badInput: { hubSlug: "alpha", siteId: nobody, streamId: nobody, detection: { "Bad Key": 1 } },
    outcomes: hubPermission("admin", "STREAM_NOT_FOUND"),
  },
  "sites.streams.delete": {
    input: { hubSlug: "alpha", siteId: nobody, streamId: nobody },
    badInput: { hubSlug: "alpha", siteId: nobody, streamId: "1" },
    outcomes: hubPermission("admin", "STREAM_NOT_FOUND"),
  },
  "sites.streams.limit": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "audit.export": {
    input: { hubSlug: "alpha", action: "hub.create" },
    badInput: { hubSlug: "alpha", from: "not a date" },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  // The instance log (rows of no hub): super admins only, never through application tokens.
  "audit.listInstance": {
    input: { action: "hub.create" },
    badInput: { limit: 0 },
    outcomes: superAdminOnly(),
  },
  "audit.exportInstance": {
    input: { action: "feature.create" },
    badInput: { from: "not a date" },
    outcomes: superAdminOnly(),
  },
  "features.catalogue.list": { input: undefined, badInput: "x", outcomes: superAdminOnly() },
  "features.catalogue.create": {
    input: { key: "matrix.feature", name: "Matrix" },
    badInput: { key: "Not A Key!", name: "" },
    outcomes: superAdminOnly(),
  },
  "features.catalogue.update": {
    input: { featureKey: "no.such.feature", name: "Renamed" },
    badInput: { featureKey: "no.such.feature", name: "" },
    outcomes: superAdminOnly("FEATURE_NOT_FOUND"),
  },
  "features.catalogue.delete": {
    input: { featureKey: "no.such.feature" },
    badInput: { featureKey: "-" },
    outcomes: superAdminOnly("FEATURE_NOT_FOUND"),
  },
  "features.hub.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubStaff,
  },
  "features.hub.set": {
    input: { hubSlug: "alpha", featureKey: "no.such.feature", enabled: true },
    badInput: {
      hubSlug: "alpha",
      featureKey: "no.such.feature",
      enabled: "yes",
      rolloutPercent: 101,
    },
    outcomes: {
      ...hubStaff,
      moderator: "PERMISSION_DENIED",
      admin: "FEATURE_NOT_FOUND",
      owner: "FEATURE_NOT_FOUND",
      superAdmin: "FEATURE_NOT_FOUND",
    },
  },
  "features.mine": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: { ...signedIn, otherHub: "HUB_NOT_FOUND" },
  },
  // configuration: moderators read, admins and owners change (config.update).
  "config.get": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubStaff,
  },
  "config.update": {
    input: { hubSlug: "alpha", sections: { tickets: { max_open_per_user: 4 } } },
    badInput: { hubSlug: "alpha", sections: { tickets: { max_open_per_user: "four" } } },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  "config.getSection": {
    input: { hubSlug: "alpha", section: "tickets" },
    badInput: { hubSlug: "alpha", section: "nope" },
    outcomes: hubStaff,
  },
  "config.listVersions": {
    input: { hubSlug: "alpha", section: "general" },
    badInput: { hubSlug: "alpha", section: "general", limit: 0 },
    outcomes: hubStaff,
  },
  "config.updateSection": {
    input: { hubSlug: "alpha", section: "general", data: { bot_name: "Matrix" } },
    badInput: { hubSlug: "alpha", section: "general", data: { message_cooldown: -1 } },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  "config.resetSection": {
    input: { hubSlug: "alpha", section: "welcome" },
    badInput: { hubSlug: "alpha", section: "welcome", baseVersion: -1 },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  "config.restoreVersion": {
    input: { hubSlug: "alpha", section: "general", version: 9999 },
    badInput: { hubSlug: "alpha", section: "general", version: 0 },
    outcomes: {
      ...hubStaff,
      moderator: "PERMISSION_DENIED",
      admin: "CONFIG_VERSION_NOT_FOUND",
      owner: "CONFIG_VERSION_NOT_FOUND",
      superAdmin: "CONFIG_VERSION_NOT_FOUND",
    },
  },
  "config.reload": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },

  // tickets: members open and read their own, staff (ticket.manage) handle all, admins delete.
  // Writes on one ticket name `nobody`, so permitted callers get TICKET_NOT_FOUND and nothing changes.
  "tickets.list": {
    input: { hubSlug: "alpha", status: "active", breached: "false" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubPermission("member"),
  },
  "tickets.create": {
    // Each caller opens one ticket per run (staff are exempt from the cooldown anyway).
    input: {
      hubSlug: "alpha",
      subject: "Matrix ticket",
      description: "Opened by the authorization matrix.",
      category: "Support",
    },
    badInput: { hubSlug: "alpha", subject: "x", description: "short", category: "Support" },
    outcomes: hubPermission("member"),
  },
  "tickets.unread": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("member"),
  },
  "tickets.cannedReplies.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "tickets.cannedReplies.create": {
    // The same title and body again returns the saved reply, so every caller gets "ok".
    input: { hubSlug: "alpha", title: "Matrix", body: "Saved by the authorization matrix." },
    badInput: { hubSlug: "alpha", title: "", body: "x" },
    outcomes: hubPermission("moderator"),
  },
  "tickets.cannedReplies.update": {
    input: { hubSlug: "alpha", replyId: nobody, title: "Renamed" },
    badInput: { hubSlug: "alpha", replyId: "x" },
    outcomes: hubPermission("moderator", "CANNED_REPLY_NOT_FOUND"),
  },
  "tickets.cannedReplies.delete": {
    input: { hubSlug: "alpha", replyId: nobody },
    badInput: { hubSlug: "alpha", replyId: "x" },
    outcomes: hubPermission("moderator", "CANNED_REPLY_NOT_FOUND"),
  },
  "tickets.sla.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "tickets.sla.set": {
    // Setting the same targets again changes nothing.
    input: { hubSlug: "alpha", category: "Bug", firstResponseMinutes: 60, resolutionMinutes: 480 },
    badInput: { hubSlug: "alpha", category: "Bug", firstResponseMinutes: 0, resolutionMinutes: 1 },
    outcomes: hubPermission("moderator"),
  },
  "tickets.sla.delete": {
    input: { hubSlug: "alpha", category: "Application" },
    badInput: { hubSlug: "alpha", category: "" },
    outcomes: hubPermission("moderator", "SLA_POLICY_NOT_FOUND"),
  },
  "tickets.get": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.update": {
    input: { hubSlug: "alpha", ticketId: nobody, priority: "high" },
    badInput: { hubSlug: "alpha", ticketId: nobody, priority: "highest" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.delete": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("admin", "TICKET_NOT_FOUND"),
  },
  "tickets.claim": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.assign": {
    input: { hubSlug: "alpha", ticketId: nobody, assigneeId: nobody },
    badInput: { hubSlug: "alpha", ticketId: nobody, assigneeId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.unassign": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.close": {
    input: { hubSlug: "alpha", ticketId: nobody, reason: "Matrix" },
    badInput: { hubSlug: "alpha", ticketId: nobody, reason: "x".repeat(501) },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.reopen": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.markRead": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.merge": {
    input: {
      hubSlug: "alpha",
      ticketId: nobody,
      targetTicketId: "00000000-0000-7000-8000-000000000001",
    },
    badInput: { hubSlug: "alpha", ticketId: nobody, targetTicketId: "x" },
    outcomes: hubPermission("moderator", "TICKET_NOT_FOUND"),
  },
  "tickets.transcript": {
    input: { hubSlug: "alpha", ticketId: nobody, format: "html" },
    badInput: { hubSlug: "alpha", ticketId: nobody, format: "pdf" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.messages.list": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: nobody, limit: 0 },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.messages.send": {
    input: { hubSlug: "alpha", ticketId: nobody, body: "Hello from the matrix" },
    badInput: { hubSlug: "alpha", ticketId: nobody, body: "" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.messages.edit": {
    input: { hubSlug: "alpha", ticketId: nobody, messageId: nobody, body: "Edited" },
    badInput: { hubSlug: "alpha", ticketId: nobody, messageId: "x", body: "Edited" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.attachments.upload": {
    input: { hubSlug: "alpha", ticketId: nobody, name: "note.txt", data: "aGVsbG8=" },
    badInput: { hubSlug: "alpha", ticketId: nobody, name: "", data: "aGVsbG8=" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.attachments.get": {
    input: { hubSlug: "alpha", ticketId: nobody, fileId: nobody },
    badInput: { hubSlug: "alpha", ticketId: nobody, fileId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },

  // private chats (seed 003): user-scoped, under /me; the world's chat is member <-> moderator.
  "chats.start": {
    input: { recipientId: nobody, body: "Hello" },
    badInput: { recipientId: nobody, body: " " },
    outcomes: signedInGet("USER_NOT_FOUND"),
  },
  "chats.list": { input: { limit: 10 }, badInput: { limit: 0 }, outcomes: signedIn },
  "chats.info": { input: onWorldChat, badInput: { chatId: "x" }, outcomes: chatParticipants() },
  "chats.messages": {
    input: { ...onWorldChat, limit: 10 },
    badInput: { ...onWorldChat, before: nobody, after: nobody },
    outcomes: chatParticipants(),
  },
  "chats.send": {
    // The nonce makes repeated runs return the first message instead of adding more.
    input: { ...onWorldChat, body: "Hello from the matrix", nonce: "matrix" },
    badInput: { ...onWorldChat, body: "x".repeat(2001) },
    outcomes: chatParticipants(),
  },
  "chats.edit": {
    input: { ...onWorldChat, messageId: worldChat.messageId, body: "Hello from the world" },
    badInput: { ...onWorldChat, messageId: worldChat.messageId, body: " " },
    outcomes: chatParticipants("ok", "CHAT_MESSAGE_NOT_YOURS"),
  },
  "chats.remove": {
    input: { ...onWorldChat, messageId: worldChat.messageId },
    badInput: { ...onWorldChat, messageId: "x" },
    outcomes: chatParticipants("ok", "CHAT_MESSAGE_NOT_YOURS"),
    restoreAfterEach: true,
  },
  "chats.markRead": {
    input: onWorldChat,
    badInput: { ...onWorldChat, messageId: "x" },
    outcomes: chatParticipants(),
  },
  "chats.typing": { input: onWorldChat, badInput: { chatId: 1 }, outcomes: chatParticipants() },
  "chats.block": {
    input: { userId: nobody },
    badInput: { userId: "me" },
    outcomes: signedInGet("USER_NOT_FOUND"),
  },
  "chats.unblock": { input: { userId: nobody }, badInput: { userId: "x" }, outcomes: signedIn },
  "chats.blocked": { input: undefined, badInput: "x", outcomes: signedIn },
  "chats.watch": {
    input: onWorldChat,
    badInput: { ...onWorldChat, lastEventId: "x" },
    outcomes: chatParticipants(),
  },

  // identity: state decides the answer for public calls; the matrix checks nobody gets more.
  "auth.register": {
    input: { username: "matrixuser", email: "m@example.test", password: "password123" },
    badInput: { username: "ab", email: "x", password: "1" },
    outcomes: allGet("WEAK_PASSWORD"),
  },
  "auth.login": {
    input: { login: "nobody", password: "wrong password" },
    badInput: { login: "" },
    outcomes: allGet("INVALID_CREDENTIALS"),
  },
  "auth.completeMfa": {
    input: { ticket: "ghm_not-a-ticket", code: "123456" },
    badInput: { ticket: "x", code: "1" },
    outcomes: allGet("INVALID_TOKEN"),
  },
  "auth.refresh": {
    input: { refreshToken: "ghr_not-a-token" },
    badInput: { refreshToken: 5 },
    outcomes: allGet("INVALID_TOKEN"),
  },
  "auth.logout": { input: undefined, badInput: "x", outcomes: signedIn },
  "auth.logoutAll": {
    input: { keepCurrent: true },
    badInput: { keepCurrent: "yes" },
    outcomes: signedIn,
  },
  "auth.verify": { input: undefined, badInput: 1, outcomes: signedIn },
  "auth.changePassword": {
    // A common password is refused whoever asks, so the world's accounts stay as they are.
    input: { currentPassword: "not the password", newPassword: "password123" },
    badInput: { currentPassword: "x", newPassword: "short" },
    outcomes: signedInGet("WEAK_PASSWORD"),
  },
  "auth.sessions.list": { input: undefined, badInput: {}, outcomes: signedIn },
  "auth.sessions.revoke": {
    input: { sessionId: nobody },
    badInput: { sessionId: "x" },
    outcomes: signedInGet("SESSION_NOT_FOUND"),
  },
  "tokens.create": {
    input: { name: "matrix", scopes: ["read"] },
    badInput: { name: "", scopes: ["root"] },
    outcomes: signedIn,
    // A token never mints tokens, whatever its scope.
    tokenOutcomes: { writeToken: "FORBIDDEN" },
  },
  "tokens.list": { input: undefined, badInput: [], outcomes: signedIn },
  "identities.list": { input: undefined, badInput: 1, outcomes: signedIn },
  "identities.unlink": {
    input: { provider: "discord" },
    badInput: { provider: "myspace" },
    outcomes: signedInGet("IDENTITY_NOT_FOUND"),
  },
  "tokens.revoke": {
    input: { tokenId: nobody },
    badInput: { tokenId: 1 },
    outcomes: signedInGet("TOKEN_NOT_FOUND"),
  },
  "tokens.revokeAll": { input: undefined, badInput: { all: true }, outcomes: signedIn },
  "mfa.setup": { input: undefined, badInput: "x", outcomes: signedIn },
  "mfa.enable": {
    input: { code: "000000" },
    badInput: { code: "1" },
    outcomes: signedInGet("INVALID_MFA_CODE"),
  },
  "mfa.disable": {
    input: { code: "000000" },
    badInput: { code: 1 },
    outcomes: signedInGet("MFA_NOT_ENABLED"),
  },
  "mfa.verify": {
    input: { code: "000000" },
    badInput: {},
    outcomes: signedInGet("MFA_NOT_ENABLED"),
  },
  "mfa.regenerateRecoveryCodes": {
    input: { code: "000000" },
    badInput: { code: 1, extra: true },
    outcomes: signedInGet("MFA_NOT_ENABLED"),
  },
  "users.me": { input: undefined, badInput: 1, outcomes: signedIn },
  "users.updateMe": {
    input: { status: "around" },
    badInput: { status: "x".repeat(31), timezone: "Mars/Base" },
    outcomes: signedIn,
  },
  "users.search": {
    input: { query: "own" },
    badInput: { query: "", limit: 500 },
    outcomes: signedIn,
  },
  "users.get": {
    input: { userId: nobody },
    badInput: { userId: "x" },
    outcomes: signedInGet("USER_NOT_FOUND"),
  },
  "users.requestDeletion": { input: undefined, badInput: "x", outcomes: signedIn },
  "users.cancelDeletion": { input: undefined, badInput: "x", outcomes: signedIn },
  "auth.sendEmailConfirmation": {
    input: undefined,
    badInput: "x",
    outcomes: signedInGet("BAD_REQUEST"),
  },
  "auth.confirmEmail": {
    input: { token: "ghe_not-a-real-token" },
    badInput: { token: "" },
    outcomes: allGet("INVALID_TOKEN"),
  },
  "auth.requestPasswordReset": {
    input: { email: "nobody@example.test" },
    badInput: { email: "nope" },
    outcomes: everyone,
  },
  "auth.resetPassword": {
    input: { token: "ghe_not-a-real-token", password: "a long enough passphrase" },
    badInput: { token: "ghe_not-a-real-token", password: "1" },
    outcomes: allGet("INVALID_TOKEN"),
  },
  "users.changeEmail": {
    input: { email: "matrix-new@example.test", password: "not the password" },
    badInput: { email: "not an address" },
    // The world's accounts have no password, so nothing else to prove.
    outcomes: signedIn,
  },
  "users.setAvatar": {
    input: { image: "bm90IGFuIGltYWdl" },
    badInput: { image: 5 },
    outcomes: signedInGet("INVALID_IMAGE"),
  },
  "users.removeAvatar": { input: undefined, badInput: "x", outcomes: signedIn },
  // QR sign-in: the browser side is public (its secret or ticket decides), the device side signed in.
  "qrLogin.create": { input: undefined, badInput: "x", outcomes: everyone },
  "qrLogin.watch": {
    input: { requestId: nobody, secret: "ghs_not-a-secret" },
    badInput: { requestId: "x", secret: "" },
    outcomes: allGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.heartbeat": {
    input: { requestId: nobody, secret: "ghs_not-a-secret" },
    badInput: { requestId: nobody },
    outcomes: allGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.inspect": {
    input: { requestId: nobody },
    badInput: { requestId: "x" },
    outcomes: signedInGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.approve": {
    input: { requestId: nobody },
    badInput: { requestId: 1 },
    outcomes: signedInGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.deny": {
    input: { requestId: nobody },
    badInput: {},
    outcomes: signedInGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.exchange": {
    input: { ticket: "ghq_not-a-ticket" },
    badInput: { ticket: "" },
    outcomes: allGet("QR_TICKET_INVALID"),
  },
  "tickets.settings": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("member"),
  },
  "tickets.watchInbox": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", lastEventId: "x" },
    outcomes: hubPermission("member"),
  },
  "tickets.watch": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "tickets.typing": {
    input: { hubSlug: "alpha", ticketId: nobody },
    badInput: { hubSlug: "alpha", ticketId: "x" },
    outcomes: hubPermission("member", "TICKET_NOT_FOUND"),
  },
  "admin.mailbox.list": { input: {}, badInput: { limit: 1000 }, outcomes: superAdminOnly() },
  "admin.users.list": { input: {}, badInput: { limit: 0 }, outcomes: superAdminOnly() },
  "admin.users.create": {
    input: {
      username: "made-by-admin",
      email: "made@example.test",
      password: "a long enough passphrase",
    },
    badInput: { username: "x" },
    outcomes: superAdminOnly(),
  },
  "admin.users.setActive": {
    input: { userId: nobody, active: false },
    badInput: { userId: nobody },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.rename": {
    input: { userId: nobody, username: "renamed" },
    badInput: { userId: nobody, username: "r!" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.setInstanceAdmin": {
    input: { userId: nobody, instanceAdmin: true },
    badInput: { userId: nobody },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.resetPassword": {
    input: { userId: nobody, password: "another long passphrase" },
    badInput: { userId: nobody, password: "1" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.hubs.list": {
    input: { archived: "false" },
    badInput: { limit: 0 },
    outcomes: superAdminOnly(),
  },
  "admin.users.delete": {
    input: { userId: nobody },
    badInput: { userId: "me" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
};
