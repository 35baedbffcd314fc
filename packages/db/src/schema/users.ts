import { sql } from "drizzle-orm";
import {
  boolean,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text().notNull(),
    email: text(),
    displayName: text(),
    /** Seed 003: short self-description (<= 190) and status line (<= 30). */
    description: text(),
    status: text(),
    bio: text(),
    /** Storage key of the avatar image (local folder or S3). */
    avatarKey: text(),
    /** Who may see what on the profile: { email: "nobody" | "members" | "everyone", ... }. */
    privacy: jsonb().$type<Record<string, string>>().notNull().default({}),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /** argon2id PHC string; null for accounts that only sign in through a provider. */
    passwordHash: text(),
    locale: text(),
    timezone: text(),
    isActive: boolean().notNull().default(true),
    /**
     * Instance administrator (super admin) stored in the database: the account the
     * first start creates, and whoever the admin pages promote. SUPER_ADMINS names more.
     */
    instanceAdmin: boolean().notNull().default(false),
    /** TOTP seed sealed with the instance secret; set once MFA is confirmed. */
    mfaSecret: text(),
    /** A seed offered by setup and not yet confirmed with a code. */
    mfaPendingSecret: text(),
    mfaEnabledAt: timestamp({ withTimezone: true }),
    /** Last TOTP time step accepted: codes of that step or earlier are refused (single use). */
    mfaLastStep: integer(),
    /** Self-deletion requested; the account is removed 14 days later unless cancelled. */
    deletionRequestedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
