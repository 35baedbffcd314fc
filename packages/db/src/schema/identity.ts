import { relations } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./users";

const userRef = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
const at = () => timestamp({ withTimezone: true });

/**
 * A sign-in on one device. Access tokens name their session, so revoking it
 * (logout, deactivation, refresh-token reuse) takes effect on the next request.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: id(),
    userId: userRef(),
    /** api: access + refresh tokens; browser: the dashboard cookie. */
    kind: text().$type<"api" | "browser">().notNull(),
    userAgent: text(),
    ip: text(),
    createdAt: createdAt(),
    lastSeenAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    revokedAt: at(),
    revokedReason: text(),
    /** When this session last passed an MFA check (sensitive actions need a recent one). */
    mfaVerifiedAt: at(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId, t.id)],
);

/** Rotating refresh tokens; all tokens of one session form a family. Stored hashed. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    sessionId: uuid()
      .notNull()
      .references(() => authSessions.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    /** Set when exchanged: presenting it again is reuse, and ends the whole family. */
    usedAt: at(),
  },
  (t) => [
    uniqueIndex("refresh_tokens_hash_key").on(t.tokenHash),
    index("refresh_tokens_session_idx").on(t.sessionId),
  ],
);

/** Long-lived tokens for programs, with scopes; shown once, stored hashed. */
export const applicationTokens = pgTable(
  "application_tokens",
  {
    id: id(),
    userId: userRef(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** The first characters, so a user can recognise a token in the list. */
    prefix: text().notNull(),
    scopes: text().array().notNull().default([]),
    createdAt: createdAt(),
    expiresAt: at(),
    lastUsedAt: at(),
    revokedAt: at(),
  },
  (t) => [
    uniqueIndex("application_tokens_hash_key").on(t.tokenHash),
    index("application_tokens_user_idx").on(t.userId),
  ],
);

/** Single-use MFA recovery codes, hashed. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: id(),
    userId: userRef(),
    codeHash: text().notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/** The 10-minute ticket a password login returns when MFA is on; the second step exchanges it. */
export const mfaTickets = pgTable(
  "mfa_tickets",
  {
    id: id(),
    userId: userRef(),
    tokenHash: text().notNull(),
    userAgent: text(),
    ip: text(),
    attempts: integer().notNull().default(0),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    usedAt: at(),
  },
  (t) => [uniqueIndex("mfa_tickets_hash_key").on(t.tokenHash)],
);

/** Instance-wide generated secrets (e.g. the signing secret when AUTH_SECRET is unset). */
export const instanceSecrets = pgTable("instance_secrets", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});

export const authSessionsRelations = relations(authSessions, ({ one, many }) => ({
  user: one(users, { fields: [authSessions.userId], references: [users.id] }),
  refreshTokens: many(refreshTokens),
}));

export const refreshTokensRelations = relations(refreshTokens, ({ one }) => ({
  session: one(authSessions, { fields: [refreshTokens.sessionId], references: [authSessions.id] }),
}));

export const applicationTokensRelations = relations(applicationTokens, ({ one }) => ({
  user: one(users, { fields: [applicationTokens.userId], references: [users.id] }),
}));

export type AuthSession = typeof authSessions.$inferSelect;
export type ApplicationToken = typeof applicationTokens.$inferSelect;

/** Single-use links sent by e-mail: confirm an address (24 h), reset a password or change the address (1 h). Stored hashed. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: id(),
    userId: userRef(),
    purpose: text().$type<"confirm" | "reset" | "change">().notNull(),
    /** The address being confirmed (a later change of address voids the link). */
    email: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    usedAt: at(),
  },
  (t) => [
    uniqueIndex("email_tokens_hash_key").on(t.tokenHash),
    index("email_tokens_user_idx").on(t.userId),
  ],
);

/** Mail kept here instead of sent when no SMTP server is configured; super admins read it. */
export const devMailbox = pgTable("dev_mailbox", {
  id: id(),
  to: text().notNull(),
  subject: text().notNull(),
  text: text().notNull(),
  createdAt: createdAt(),
});

/**
 * A sign-in method from an external provider (Discord, Yandex, Steam) attached
 * to an account: one account per provider, and a provider account belongs to one user.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: id(),
    userId: userRef(),
    provider: text().$type<"discord" | "yandex" | "steam">().notNull(),
    providerAccountId: text().notNull(),
    /** What the provider calls the account, shown in the linked-accounts list. */
    displayName: text(),
    email: text(),
    createdAt: createdAt(),
    lastUsedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("user_identities_account_key").on(t.provider, t.providerAccountId),
    uniqueIndex("user_identities_user_provider_key").on(t.userId, t.provider),
  ],
);

export const userIdentitiesRelations = relations(userIdentities, ({ one }) => ({
  user: one(users, { fields: [userIdentities.userId], references: [users.id] }),
}));

export type UserIdentity = typeof userIdentities.$inferSelect;

/** One-time values already accepted (e.g. OpenID response nonces), so a replay is refused. */
export const usedNonces = pgTable("used_nonces", {
  nonce: text().primaryKey(),
  expiresAt: at().notNull(),
});
