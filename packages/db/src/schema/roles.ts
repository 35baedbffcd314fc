import { relations } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamps } from "./columns";
import { hubId } from "./hub-column";
import { users } from "./users";

/**
 * A role of one hub. `position` orders authority (higher = more): a member may
 * grant, edit or remove only roles below their own highest position.
 */
export const hubRoles = pgTable(
  "hub_roles",
  {
    id: id(),
    hubId: hubId(),
    /** Stable key (owner, admin, moderator, member, guest, or a custom slug). */
    key: text().notNull(),
    name: text().notNull(),
    position: integer().notNull(),
    permissions: text().array().notNull().default([]),
    /** The Discord role this role mirrors, if any. */
    discordRoleId: text(),
    /** Default roles cannot be deleted (their permissions can be edited, except owner's). */
    system: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("hub_roles_hub_key").on(t.hubId, t.key),
    index("hub_roles_hub_position_idx").on(t.hubId, t.position),
  ],
);

/** Which roles a member holds. */
export const hubMemberRoles = pgTable(
  "hub_member_roles",
  {
    hubId: hubId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: uuid()
      .notNull()
      .references(() => hubRoles.id, { onDelete: "cascade" }),
    grantedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.userId, t.roleId] }),
    index("hub_member_roles_role_idx").on(t.roleId),
  ],
);

/** Every grant and removal of a role, for the member's role history. */
export const roleHistory = pgTable(
  "role_history",
  {
    id: id(),
    hubId: hubId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleKey: text().notNull(),
    action: text().$type<"grant" | "revoke">().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("role_history_member_idx").on(t.hubId, t.userId, t.id)],
);

export const hubRolesRelations = relations(hubRoles, ({ many }) => ({
  holders: many(hubMemberRoles),
}));

export const hubMemberRolesRelations = relations(hubMemberRoles, ({ one }) => ({
  role: one(hubRoles, { fields: [hubMemberRoles.roleId], references: [hubRoles.id] }),
  user: one(users, { fields: [hubMemberRoles.userId], references: [users.id] }),
}));

export type HubRole = typeof hubRoles.$inferSelect;
