import type { MatrixEntry } from "./callers";
import { allGet, everyone, nobody, signedIn, signedInGet } from "./callers";

/** The matrix rows of sign-in, tokens, identities, MFA and accounts. */
export const identityRows: Record<string, MatrixEntry> = {
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
  "auth.providers": { input: undefined, badInput: { x: 1 }, outcomes: everyone },
  "auth.jwks": { input: undefined, badInput: { x: 1 }, outcomes: everyone },
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
};
