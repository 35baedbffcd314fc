import { relations, sql } from "drizzle-orm";
import { boolean, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { hubMemberships } from "./hub-memberships";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text().notNull(),
    email: text(),
    displayName: text(),
    /** argon2id PHC string; null for accounts that only sign in through a provider. */
    passwordHash: text(),
    locale: text(),
    timezone: text(),
    isActive: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(hubMemberships),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
