import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { hubId } from "./hub-column";
import { hubRoles } from "./roles";
import { users } from "./users";

const userRef = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
const actorRef = () => uuid().references(() => users.id, { onDelete: "set null" });
const at = () => timestamp({ withTimezone: true });

/** Expiring invite codes with a preset role and an optional target user. */
export const hubInvites = pgTable(
  "hub_invites",
  {
    id: id(),
    hubId: hubId(),
    code: text().notNull(),
    roleId: uuid().references(() => hubRoles.id, { onDelete: "set null" }),
    /** Only this user may use the invite, when set. */
    targetUserId: uuid().references(() => users.id, { onDelete: "cascade" }),
    maxUses: integer(),
    uses: integer().notNull().default(0),
    createdBy: actorRef(),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    revokedAt: at(),
  },
  (t) => [uniqueIndex("hub_invites_code_key").on(t.code), index("hub_invites_hub_idx").on(t.hubId)],
);

/** Requests to join a hub that staff accept or reject. */
export const hubApplications = pgTable(
  "hub_applications",
  {
    id: id(),
    hubId: hubId(),
    userId: userRef(),
    message: text().notNull().default(""),
    status: text().$type<"pending" | "accepted" | "rejected" | "withdrawn">().notNull(),
    decidedBy: actorRef(),
    decidedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    // One open application per user and hub.
    uniqueIndex("hub_applications_pending_key")
      .on(t.hubId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index("hub_applications_hub_idx").on(t.hubId, t.status, t.id),
  ],
);

/** Bans with reason and optional expiry; lifted bans stay as history. */
export const hubBans = pgTable(
  "hub_bans",
  {
    id: id(),
    hubId: hubId(),
    userId: userRef(),
    reason: text().notNull().default(""),
    actorId: actorRef(),
    createdAt: createdAt(),
    expiresAt: at(),
    liftedAt: at(),
    liftedBy: actorRef(),
  },
  (t) => [index("hub_bans_member_idx").on(t.hubId, t.userId, t.id)],
);

/** Staff notes about a member, never shown to the member. */
export const memberNotes = pgTable(
  "member_notes",
  {
    id: id(),
    hubId: hubId(),
    userId: userRef(),
    authorId: actorRef(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("member_notes_member_idx").on(t.hubId, t.userId, t.id)],
);
