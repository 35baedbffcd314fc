import type { Outcome } from "../authorization-matrix";
import type { Role } from "../support/world";
import type { HubObjects, WorldObjects } from "../support/world-objects";

/**
 * A call that names another hub's object (or another user's) from a hub the
 * caller may act in. `expect` is what the resource answers for "does not
 * exist"; where a list is the answer, `leaks` returns what of the other hub
 * the result shows (must be nothing), and the test also requires the same
 * call on the caller's own hub to show its own objects (so the check can fail).
 */
export interface CrossCase {
  as: Role;
  input: unknown;
  expect: Outcome;
  /** For "ok" answers: the other side's ids found in the result (must be none). */
  leaks?: (result: unknown, there: HubObjects) => string[];
  /** The call may change the caller's own hub (a ban or note of a user of another hub, an audited export); the other hub must stay as it was. */
  ownHubMayChange?: boolean;
  /** The same call, naming the caller's own objects, whose result must show them. */
  control?: { input: unknown; shows: (result: unknown, here: HubObjects) => string[] };
}

/** The world's ids besides the hub objects. */
export interface CrossIds extends WorldObjects {
  /** `owner`'s application token ids (cross-user: revoked by nobody else). */
  ownerTokenId: string;
}

type Build = (here: HubObjects, there: HubObjects) => Record<string, unknown>;

/** Alpha's callers: admins (staff see every object of their hub, so a not-found is the hub filter). */
const alphaStaff: Role = "admin";

/**
 * Both directions: beta's owner in beta naming alpha's objects, and alpha's
 * staff in alpha naming beta's. `build(here, there)` gets the caller's hub first.
 */
/** `expect` is the resource's own not-found code (or what the call answers instead). */
function bothWays(build: Build, expect: Outcome, extra: Partial<CrossCase> = {}) {
  return (o: CrossIds): CrossCase[] => [
    { as: "otherHub", input: { hubSlug: "beta", ...build(o.beta, o.alpha) }, expect, ...extra },
    { as: alphaStaff, input: { hubSlug: "alpha", ...build(o.alpha, o.beta) }, expect, ...extra },
  ];
}

/** Several inputs, each both ways. */
function each(...cases: ((o: CrossIds) => CrossCase[])[]) {
  return (o: CrossIds) => cases.flatMap((c) => c(o));
}

/** The ids of the hub's own objects (not its users, who are global) found anywhere in `result`. */
export function idsIn(result: unknown, objects: HubObjects): string[] {
  const text = JSON.stringify(result) ?? "";
  const { roleId, ticketId, siteId, streamId, inviteId, replyId, applicationId, messageId } =
    objects;
  return [roleId, ticketId, siteId, streamId, inviteId, replyId, applicationId, messageId].filter(
    (id) => text.includes(id),
  );
}

/** Which of the given values (user ids, role keys) `result` mentions. */
const valuesIn =
  (...pick: (keyof HubObjects)[]) =>
  (result: unknown, objects: HubObjects) => {
    const text = JSON.stringify(result) ?? "";
    return pick.map((k) => String(objects[k])).filter((id) => text.includes(id));
  };

/** A list answer: "ok", showing nothing of the other hub, and its own objects on the own hub. */
function listsOwnOnly(
  build: Build,
  shown: (result: unknown, objects: HubObjects) => string[] = idsIn,
  extra: Partial<CrossCase> = {},
) {
  return (o: CrossIds): CrossCase[] =>
    (
      [
        ["otherHub", o.beta, o.alpha],
        [alphaStaff, o.alpha, o.beta],
      ] as const
    ).map(([as, here, there]) => ({
      as,
      input: { hubSlug: here.hubSlug, ...build(here, there) },
      expect: "ok" as const,
      leaks: (result: unknown) => shown(result, there),
      control: {
        input: { hubSlug: here.hubSlug, ...build(here, here) },
        shows: (result: unknown) => shown(result, here),
      },
      ...extra,
    }));
}

/** Private chats are no hub's: the other hub's owner, who is not in the chat, is told it does not exist. */
function chatOfOthers(build: (chat: HubObjects) => Record<string, unknown>) {
  return (o: CrossIds): CrossCase[] => [
    { as: "otherHub", input: build(o.alpha), expect: "CHAT_NOT_FOUND" },
    { as: "owner", input: build(o.beta), expect: "CHAT_NOT_FOUND" },
    // `member` and `moderator` share only the world's chat.
    { as: "member", input: build(o.alpha), expect: "CHAT_NOT_FOUND" },
  ];
}

const ticket = (extra: Build = () => ({})) =>
  bothWays(
    (here, there) => ({ ticketId: there.ticketId, ...extra(here, there) }),
    "TICKET_NOT_FOUND",
  );

/**
 * Every procedure that takes an object id, with its cross-hub (or cross-user)
 * calls. The matrix test requires an entry (or an exemption below) for every
 * procedure whose input has an id, and that no call changes either hub.
 */
export const crossHubCases: Record<string, (o: CrossIds) => CrossCase[]> = {
  "roles.update": bothWays(
    (_h, there) => ({ roleId: there.roleId, name: "Renamed" }),
    "ROLE_NOT_FOUND",
  ),
  "roles.delete": bothWays((_h, there) => ({ roleId: there.roleId }), "ROLE_NOT_FOUND"),
  "members.get": bothWays((_h, there) => ({ userId: there.memberId }), "MEMBER_NOT_FOUND"),
  "members.roleHistory": listsOwnOnly(
    (_h, there) => ({ userId: there.memberId }),
    valuesIn("roleKey"),
  ),
  "members.list": listsOwnOnly((_h, there) => ({ roleId: there.roleId }), valuesIn("memberId")),
  "members.bans": listsOwnOnly((_h, there) => ({ userId: there.bannedId }), valuesIn("bannedId")),
  "tickets.list": listsOwnOnly((_h, there) => ({ assigneeId: there.ownerId }), idsIn),
  "members.invites.create": bothWays(
    (_h, there) => ({ roleId: there.roleId, expiresInHours: 1 }),
    "ROLE_NOT_FOUND",
  ),
  "members.dismiss": bothWays((_h, there) => ({ userId: there.memberId }), "MEMBER_NOT_FOUND"),
  // Users are global: a hub may ban (or note) someone who is no member yet, in its own hub only.
  "members.ban": bothWays((_h, there) => ({ userId: there.memberId, reason: "cross-hub" }), "ok", {
    ownHubMayChange: true,
  }),
  // A ban in force in the other hub only is no ban here.
  "members.unban": bothWays((_h, there) => ({ userId: there.bannedId }), "BAN_NOT_FOUND"),
  "members.addNote": bothWays((_h, there) => ({ userId: there.memberId, body: "x" }), "ok", {
    ownHubMayChange: true,
  }),
  "members.grantRole": each(
    bothWays((here, there) => ({ userId: here.memberId, roleId: there.roleId }), "ROLE_NOT_FOUND"),
    bothWays(
      (here, there) => ({ userId: there.memberId, roleId: here.roleId }),
      "MEMBER_NOT_FOUND",
    ),
  ),
  "members.revokeRole": each(
    bothWays((here, there) => ({ userId: here.memberId, roleId: there.roleId }), "ROLE_NOT_FOUND"),
    bothWays(
      (here, there) => ({ userId: there.memberId, roleId: here.roleId }),
      "MEMBER_NOT_FOUND",
    ),
  ),
  "members.invites.revoke": bothWays(
    (_h, there) => ({ inviteId: there.inviteId }),
    "INVITE_NOT_FOUND",
  ),
  "members.applications.decide": each(
    bothWays(
      (_h, there) => ({ applicationId: there.applicationId, accept: true }),
      "JOIN_APPLICATION_NOT_FOUND",
    ),
    bothWays(
      (_h, there) => ({ applicationId: there.applicationId, accept: false }),
      "JOIN_APPLICATION_NOT_FOUND",
    ),
  ),
  "sites.get": bothWays((_h, there) => ({ siteId: there.siteId }), "SITE_NOT_FOUND"),
  "sites.create": bothWays(
    (_h, there) => ({ name: "Cross-hub site", userIds: [there.memberId] }),
    "NOT_A_MEMBER",
  ),
  "sites.update": bothWays(
    (_h, there) => ({ siteId: there.siteId, name: "Renamed" }),
    "SITE_NOT_FOUND",
  ),
  "sites.delete": bothWays((_h, there) => ({ siteId: there.siteId }), "SITE_NOT_FOUND"),
  "sites.addUser": each(
    bothWays((_h, there) => ({ siteId: there.siteId, userId: there.memberId }), "SITE_NOT_FOUND"),
    bothWays((here, there) => ({ siteId: here.siteId, userId: there.memberId }), "NOT_A_MEMBER"),
  ),
  "sites.removeUser": each(
    bothWays((_h, there) => ({ siteId: there.siteId, userId: there.memberId }), "SITE_NOT_FOUND"),
    // The other hub's user is on no site here: nothing to remove (and nothing removed there).
    bothWays((here, there) => ({ siteId: here.siteId, userId: there.memberId }), "ok"),
  ),
  "sites.streams.list": bothWays((_h, there) => ({ siteId: there.siteId }), "SITE_NOT_FOUND"),
  "sites.streams.create": bothWays(
    (_h, there) => ({
      siteId: there.siteId,
      name: "Cross-hub gate",
      videoUrl: "rtsp://camera.example.test/cross",
      modelKey: "yolo11n",
    }),
    "SITE_NOT_FOUND",
  ),
  "sites.streams.update": each(
    bothWays(
      (_h, there) => ({ siteId: there.siteId, streamId: there.streamId, storeVideo: true }),
      "STREAM_NOT_FOUND",
    ),
    bothWays(
      (here, there) => ({
        siteId: here.siteId,
        streamId: there.streamId,
        storeVideo: true,
      }),
      "STREAM_NOT_FOUND",
    ),
  ),
  "sites.streams.delete": each(
    bothWays(
      (_h, there) => ({ siteId: there.siteId, streamId: there.streamId }),
      "STREAM_NOT_FOUND",
    ),
    bothWays(
      (here, there) => ({ siteId: here.siteId, streamId: there.streamId }),
      "STREAM_NOT_FOUND",
    ),
  ),
  "audit.list": listsOwnOnly(() => ({})),
  // Exports are audited in the caller's hub.
  "audit.export": listsOwnOnly(() => ({}), idsIn, { ownHubMayChange: true }),
  // Each hub saved a section the other never did: its versions are the only ones.
  "config.listVersions": listsOwnOnly(
    (_h, there) => ({ section: there.configSection }),
    (result) => (result as { items: { version: number }[] }).items.map((i) => `v${i.version}`),
  ),
  // A version number that exists only in the other hub's history of that section.
  "config.restoreVersion": bothWays(
    (_h, there) => ({
      section: there.configSection,
      version: there.configVersion,
    }),
    "CONFIG_VERSION_NOT_FOUND",
  ),
  // A hub's rollout names its own roles and members only: others are refused as a bad field.
  "features.hub.set": (o) => [
    ...bothWays(
      (_h, there) => ({ featureKey: o.featureKey, enabled: true, roleIds: [there.roleId] }),
      "VALIDATION_FAILED",
    )(o),
    ...bothWays(
      (_h, there) => ({ featureKey: o.featureKey, enabled: true, userIds: [there.memberId] }),
      "VALIDATION_FAILED",
    )(o),
  ],
  "tickets.cannedReplies.update": bothWays(
    (_h, there) => ({
      replyId: there.replyId,
      title: "Renamed",
    }),
    "CANNED_REPLY_NOT_FOUND",
  ),
  "tickets.cannedReplies.delete": bothWays(
    (_h, there) => ({ replyId: there.replyId }),
    "CANNED_REPLY_NOT_FOUND",
  ),
  "tickets.get": ticket(),
  "tickets.update": ticket(() => ({ priority: "high" })),
  "tickets.delete": ticket(),
  "tickets.claim": ticket(),
  "tickets.assign": each(
    ticket((here) => ({ assigneeId: here.ownerId })),
    // Someone of another hub is no assignee here: refused as a bad field.
    bothWays(
      (here, there) => ({ ticketId: here.ticketId, assigneeId: there.memberId }),
      "VALIDATION_FAILED",
    ),
  ),
  "tickets.unassign": ticket(),
  "tickets.close": ticket(() => ({ reason: "cross-hub" })),
  "tickets.reopen": ticket(),
  "tickets.markRead": ticket(),
  "tickets.merge": each(
    bothWays(
      (here, there) => ({ ticketId: here.ticketId, targetTicketId: there.ticketId }),
      "TICKET_NOT_FOUND",
    ),
    bothWays(
      (here, there) => ({ ticketId: there.ticketId, targetTicketId: here.ticketId }),
      "TICKET_NOT_FOUND",
    ),
  ),
  "tickets.transcript": ticket(() => ({ format: "html" })),
  "tickets.messages.list": ticket(),
  "tickets.messages.send": ticket(() => ({ body: "cross-hub" })),
  "tickets.messages.edit": each(
    ticket((_h, there) => ({ messageId: there.messageId, body: "Edited" })),
    bothWays(
      (here, there) => ({
        ticketId: here.ticketId,
        messageId: there.messageId,
        body: "Edited",
      }),
      "TICKET_MESSAGE_NOT_FOUND",
    ),
  ),
  "tickets.attachments.upload": ticket(() => ({ name: "note.txt", data: "aGVsbG8=" })),
  "tickets.attachments.get": each(
    ticket((_h, there) => ({ fileId: there.fileId })),
    bothWays(
      (here, there) => ({ ticketId: here.ticketId, fileId: there.fileId }),
      "ATTACHMENT_NOT_FOUND",
    ),
  ),
  "tickets.watch": ticket(),
  "tickets.typing": ticket(),
  "chats.info": chatOfOthers((c) => ({ chatId: c.chatId })),
  "chats.messages": chatOfOthers((c) => ({ chatId: c.chatId, limit: 10 })),
  "chats.send": chatOfOthers((c) => ({ chatId: c.chatId, body: "cross", nonce: "cross-hub" })),
  "chats.edit": chatOfOthers((c) => ({ chatId: c.chatId, messageId: c.chatMessageId, body: "x" })),
  "chats.remove": chatOfOthers((c) => ({ chatId: c.chatId, messageId: c.chatMessageId })),
  "chats.markRead": chatOfOthers((c) => ({ chatId: c.chatId })),
  "chats.typing": chatOfOthers((c) => ({ chatId: c.chatId })),
  "chats.watch": chatOfOthers((c) => ({ chatId: c.chatId })),
  // Cross-user: another user's session or token is "not found", and stays as it was.
  "auth.sessions.revoke": (o) => [
    { as: "member", input: { sessionId: o.alpha.sessionId }, expect: "SESSION_NOT_FOUND" },
    { as: "otherHub", input: { sessionId: o.alpha.sessionId }, expect: "SESSION_NOT_FOUND" },
  ],
  "tokens.revoke": (o) => [
    { as: "member", input: { tokenId: o.ownerTokenId }, expect: "TOKEN_NOT_FOUND" },
    { as: "superAdmin", input: { tokenId: o.ownerTokenId }, expect: "TOKEN_NOT_FOUND" },
  ],
};

/**
 * Input fields that look like ids but name no object: page cursors, stream
 * positions, and Discord's ids (snowflakes of another system).
 */
export const notObjectIds = new Set(["cursor", "lastEventId", "discordRoleId"]);

/**
 * Procedures whose input has an id but where a cross-hub call makes no sense,
 * with the reason. Anything else with an id needs an entry above.
 */
export const crossHubExempt: Record<string, string> = {
  "audit.listInstance": "the instance log: super admins see every actor, of no hub",
  "audit.exportInstance": "the instance log: super admins see every actor, of no hub",
  "users.get": "users are global: any signed-in user may look anyone up",
  "chats.start": "users are global: a chat may be started with anyone (blocks decide)",
  "chats.block": "users are global: anyone may block anyone",
  "chats.unblock": "users are global: removes the caller's own block",
  "admin.users.setActive": "instance administration of global users (super admins only)",
  "admin.users.rename": "instance administration of global users (super admins only)",
  "admin.users.setInstanceAdmin": "instance administration of global users (super admins only)",
  "admin.users.resetPassword": "instance administration of global users (super admins only)",
  "admin.users.delete": "instance administration of global users (super admins only)",
  "qrLogin.watch": "a sign-in request is nobody's yet: its secret guards it (QR tests)",
  "qrLogin.heartbeat": "a sign-in request is nobody's yet: its secret guards it (QR tests)",
  "qrLogin.inspect": "any signed-in device may look at a request it scanned (QR tests)",
  "qrLogin.approve": "any signed-in device approves for itself (QR tests)",
  "qrLogin.deny": "any signed-in device may refuse a request it scanned (QR tests)",
};
