import { relations } from "drizzle-orm";
import { index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { hubId } from "./hub-column";
import { hubs } from "./hubs";
import { users } from "./users";

/** A user's membership of a hub; their roles are in hub_member_roles. */
export const hubMemberships = pgTable(
  "hub_memberships",
  {
    id: id(),
    hubId: hubId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("hub_memberships_hub_user_key").on(t.hubId, t.userId),
    index("hub_memberships_user_idx").on(t.userId),
  ],
);

export const hubMembershipsRelations = relations(hubMemberships, ({ one }) => ({
  hub: one(hubs, { fields: [hubMemberships.hubId], references: [hubs.id] }),
  user: one(users, { fields: [hubMemberships.userId], references: [users.id] }),
}));

// The hub and user sides of the membership relation live here, so neither table file imports this one.
export const hubsRelations = relations(hubs, ({ many }) => ({
  memberships: many(hubMemberships),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(hubMemberships),
}));

export type HubMembership = typeof hubMemberships.$inferSelect;
