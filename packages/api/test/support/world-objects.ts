import { createSession } from "@guildhall/core/identity";
import { addMember, joinHub } from "@guildhall/core/members";
import { createUser } from "@guildhall/core/users";
import { schema, type Database } from "@guildhall/db";
import { eq, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { createCaller } from "../../src";

type Caller = ReturnType<typeof createCaller>;

/** One object of every hub-scoped kind in one hub, by id (for cross-hub cases). */
export interface HubObjects {
  hubSlug: string;
  /** A custom role of the hub, held by `memberId`. */
  roleId: string;
  roleKey: string;
  /** A user who is a member of this hub only (not the owner). */
  memberId: string;
  inviteId: string;
  /** A pending join request, and the user who made it. */
  applicationId: string;
  applicantId: string;
  /** An open ticket of `memberId` with one reply that carries an attachment. */
  ticketId: string;
  messageId: string;
  fileId: string;
  replyId: string;
  siteId: string;
  streamId: string;
  /** A config section only this hub has saved, and its first version. */
  configSection: string;
  configVersion: number;
  /** A private chat of this hub's owner and `memberId`. */
  chatId: string;
  chatMessageId: string;
  /** A session of `memberId` (cross-user cases). */
  sessionId: string;
  ownerId: string;
  /** A user banned in this hub only. */
  bannedId: string;
}

export interface WorldObjects {
  alpha: HubObjects;
  beta: HubObjects;
  /** A catalogue feature (instance-wide) that hubs may switch on for some roles or users. */
  featureKey: string;
}

/** A one-pixel PNG, base64: a real file for the attachment. */
const pngBase64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/**
 * Seeds one object of every kind in a hub through the procedures (as its owner
 * and one plain member), so the rows are the ones the product writes.
 * Attachments go to the configured storage (tests point UPLOAD_DIR at a temp folder).
 */
export async function seedHubObjects(
  db: Database,
  input: {
    hubSlug: string;
    hubId: string;
    owner: Caller;
    ownerId: string;
    callerFor: (user: { id: string; username: string }) => Caller;
    configSection: "rocket-league" | "meme";
    configData: Record<string, unknown>;
  },
): Promise<HubObjects> {
  const { hubSlug, owner } = input;
  const at = { hubSlug };
  const member = await createUser(db, { username: `${hubSlug}objectmember` });
  const applicant = await createUser(db, { username: `${hubSlug}applicant` });
  const banned = await createUser(db, { username: `${hubSlug}banned` });
  const memberCaller = input.callerFor(member);
  await owner.members.invites.create({ ...at, expiresInHours: 24 });
  const [invite] = await db
    .select({ id: schema.hubInvites.id })
    .from(schema.hubInvites)
    .where(eq(schema.hubInvites.hubId, input.hubId));
  await addMember(db, { hubId: input.hubId, userId: member.id, roleKey: "member" });
  const application = await joinHub(db, { hubSlug, userId: applicant.id, message: "Let me in" });
  const role = await owner.roles.create({
    ...at,
    name: `${hubSlug} helpers`,
    position: 10,
    permissions: ["hub.read"],
  });
  // Role history (and revokeRole) need a member holding the custom role.
  await owner.members.grantRole({ ...at, userId: member.id, roleId: role.id });
  const ticket = await memberCaller.tickets.create({
    ...at,
    subject: `${hubSlug} object ticket`,
    description: "Opened to be looked at from another hub.",
    category: "Support",
  });
  const file = await memberCaller.tickets.attachments.upload({
    ...at,
    ticketId: ticket.id,
    name: "pixel.png",
    data: pngBase64,
  });
  const message = await memberCaller.tickets.messages.send({
    ...at,
    ticketId: ticket.id,
    body: "Here is a file",
    attachments: [{ key: file.key, name: file.name }],
  });
  // The owner takes the ticket (so assignee filters have something to find).
  await owner.tickets.claim({ ...at, ticketId: ticket.id });
  await owner.members.ban({ ...at, userId: banned.id, reason: "Banned here only" });
  const reply = await owner.tickets.cannedReplies.create({
    ...at,
    title: `${hubSlug} reply`,
    body: "A saved reply of this hub.",
  });
  const site = await owner.sites.create({ ...at, name: `${hubSlug} site`, userIds: [member.id] });
  const stream = await owner.sites.streams.create({
    ...at,
    siteId: site.id,
    name: `${hubSlug} gate`,
    videoUrl: `rtsp://camera.example.test/${hubSlug}`,
    modelKey: "yolo11n",
  });
  const saved = await owner.config.updateSection({
    ...at,
    section: input.configSection,
    data: input.configData,
  });
  const chat = await owner.chats.start({ recipientId: member.id, body: `Hello from ${hubSlug}` });
  const session = await createSession(db, { userId: member.id, kind: "api", mfaVerified: false });
  return {
    hubSlug,
    roleId: role.id,
    roleKey: role.key,
    memberId: member.id,
    inviteId: invite!.id,
    applicationId: application.applicationId!,
    applicantId: applicant.id,
    ticketId: ticket.id,
    messageId: message.id,
    fileId: file.key.slice(file.key.lastIndexOf("/") + 1).replace(/\.[a-z]+$/, ""),
    replyId: reply.id,
    siteId: site.id,
    streamId: stream.id,
    configSection: input.configSection,
    configVersion: saved.version,
    chatId: chat.chatId,
    chatMessageId: chat.message!.id,
    sessionId: session.sessionId,
    ownerId: input.ownerId,
    bannedId: banned.id,
  };
}

/** Tables whose rows change on reads (touch times, live events, jobs): left out of snapshots. */
const volatile = new Set(["realtime_streams", "realtime_events", "scheduled_jobs", "used_nonces"]);

const json = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/**
 * Every row of every table (but the volatile ones), as sorted JSON lines per
 * table: two snapshots differ exactly when a call changed stored state.
 * `exceptHubId` leaves out that hub's rows (for calls that may change the caller's own hub).
 */
export async function snapshotDatabase(
  db: Database,
  exceptHubId?: string,
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const name = getTableName(table);
    if (volatile.has(name)) continue;
    const rows = (await db.select().from(table)) as Record<string, unknown>[];
    result[name] = rows
      .filter((row) => exceptHubId === undefined || row.hubId !== exceptHubId)
      .map(json)
      .sort();
  }
  return result;
}
