import type { ErrorCode } from "@guildhall/core";
import type { Role } from "./support/world";

export type Outcome = "ok" | ErrorCode;

export interface MatrixEntry {
  /** A valid input for the first hub ("alpha"). */
  input: unknown;
  /** An input that must fail validation (called as super admin). */
  badInput: unknown;
  outcomes: Record<Role, Outcome>;
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

/** Hub staff from moderator up (and super admins); members of other hubs never see the hub. */
const hubStaff: Record<Role, Outcome> = {
  anonymous: "UNAUTHENTICATED",
  guest: "PERMISSION_DENIED",
  member: "PERMISSION_DENIED",
  moderator: "ok",
  admin: "ok",
  owner: "ok",
  superAdmin: "ok",
  otherHub: "HUB_NOT_FOUND",
};

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
  "hubs.get": { input: { hubSlug: "alpha" }, badInput: { hubSlug: 7 }, outcomes: everyone },
  "hubs.listMine": { input: undefined, badInput: "x", outcomes: signedIn },
  "audit.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubStaff,
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
    input: { currentPassword: "not the password", newPassword: "a new long passphrase" },
    badInput: { currentPassword: "", newPassword: "short" },
    outcomes: signedInGet("WRONG_PASSWORD"),
  },
  "auth.sessions.list": { input: undefined, badInput: {}, outcomes: signedIn },
  "auth.sessions.revoke": {
    input: { sessionId: nobody },
    badInput: { sessionId: "x" },
    outcomes: signedInGet("NOT_FOUND"),
  },
  "tokens.create": {
    input: { name: "matrix", scopes: ["read"] },
    badInput: { name: "", scopes: ["root"] },
    outcomes: signedIn,
  },
  "tokens.list": { input: undefined, badInput: [], outcomes: signedIn },
  "tokens.revoke": {
    input: { tokenId: nobody },
    badInput: { tokenId: 1 },
    outcomes: signedInGet("NOT_FOUND"),
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
  "users.setAvatar": {
    input: { image: "bm90IGFuIGltYWdl" },
    badInput: { image: 5 },
    outcomes: signedInGet("INVALID_IMAGE"),
  },
  "users.removeAvatar": { input: undefined, badInput: "x", outcomes: signedIn },
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
  "admin.users.resetPassword": {
    input: { userId: nobody, password: "another long passphrase" },
    badInput: { userId: nobody, password: "1" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.delete": {
    input: { userId: nobody },
    badInput: { userId: "me" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
};
