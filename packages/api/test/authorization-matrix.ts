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
};
