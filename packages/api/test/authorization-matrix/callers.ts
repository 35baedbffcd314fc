// The caller kinds of the authorization matrix and the outcome tables shared by its domain files.
import type { ErrorCode } from "@guildhall/core/errors";
import { expect, it } from "vitest";
import { roles, type Role, type TokenCaller } from "../support/world";
import { worldChat } from "../support/world-chat";

export type Outcome = "ok" | ErrorCode;

export interface MatrixEntry {
  /** A valid input for the first hub ("alpha"). */
  input: unknown;
  /** An input that must fail validation (called as super admin). */
  badInput: unknown;
  outcomes: Record<Role, Outcome>;
  /** The call changes the world: run roles one by one and restore the world after each. */
  restoreAfterEach?: boolean;
  /** What `owner`'s application tokens get, where it differs from `tokenRule` (say why). */
  tokenOutcomes?: Partial<Record<TokenCaller, Outcome>>;
}

/**
 * Every caller's outcome of one row, by `call`: all at once, or, for a row
 * that changes the world (`restoreAfterEach`), one at a time with the world
 * restored after each. Shared by the matrix over tRPC and over the action socket.
 */
export async function outcomesOf(
  entry: MatrixEntry,
  call: (role: Role) => Promise<Outcome>,
  restore: () => Promise<void>,
): Promise<Record<string, Outcome>> {
  if (!entry.restoreAfterEach)
    return Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await call(role)] as const)),
    );
  const results: Record<string, Outcome> = {};
  for (const role of roles) {
    results[role] = await call(role);
    await restore();
  }
  return results;
}

/** The test that every caller of row `path` gets its outcome, calling through `call`. */
export function itMatchesRow(
  path: string,
  entry: MatrixEntry,
  call: (role: Role, path: string, input: unknown) => Promise<Outcome>,
  restore: () => Promise<void>,
): void {
  it(`${path}: every caller gets what the matrix says`, async () => {
    // Calls that change the world (archive, leave) run one at a time, restoring it after each.
    const outcomes = await outcomesOf(entry, (role) => call(role, path, entry.input), restore);
    expect(outcomes).toEqual(entry.outcomes);
  });
}

/** The scopes each token caller holds (`write` implies `read`). */
export const tokenScopes: Record<TokenCaller, readonly ("read" | "write")[]> = {
  readToken: ["read"],
  writeToken: ["read", "write"],
};

/**
 * What an application token of `owner` gets by default, from the row's own
 * outcomes and the procedure's kind (queries and subscriptions read, mutations write):
 * - public procedures (anonymous is let in): the same as `owner`, whatever the scope;
 * - otherwise a token without the needed scope: SCOPE_MISSING;
 * - super-admin procedures are never reached through a token (owner is refused anyway);
 * - otherwise the same as `owner` signed in.
 */
export function tokenRule(
  entry: MatrixEntry,
  kind: "query" | "mutation" | "subscription",
  token: TokenCaller,
): Outcome {
  const override = entry.tokenOutcomes?.[token];
  if (override) return override;
  if (entry.outcomes.anonymous !== "UNAUTHENTICATED") return entry.outcomes.owner;
  const needed = kind === "mutation" ? "write" : "read";
  if (!tokenScopes[token].includes(needed)) return "SCOPE_MISSING";
  return entry.outcomes.owner;
}

export const everyone: Record<Role, Outcome> = {
  anonymous: "ok",
  guest: "ok",
  member: "ok",
  moderator: "ok",
  admin: "ok",
  owner: "ok",
  superAdmin: "ok",
  otherHub: "ok",
};

export const signedIn: Record<Role, Outcome> = { ...everyone, anonymous: "UNAUTHENTICATED" };

/** Everyone reaches the handler; it answers `code` (state, not authority). */
export const allGet = (code: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(Object.keys(everyone).map((r) => [r, code])) as Record<Role, Outcome>;
export const signedInGet = (code: Outcome): Record<Role, Outcome> => ({
  ...allGet(code),
  anonymous: "UNAUTHENTICATED",
});

/** Instance administration: super admins only. */
export const superAdminOnly = (superAdmin: Outcome = "ok"): Record<Role, Outcome> => ({
  ...allGet("SUPER_ADMIN_REQUIRED"),
  anonymous: "UNAUTHENTICATED",
  superAdmin,
});

export const nobody = "00000000-0000-7000-8000-000000000000";

/** Hub members ranked from `from` up get `state`; lower ones lack the permission. */
export const hubPermission = (
  from: "guest" | "member" | "moderator" | "admin" | "owner",
  state: Outcome = "ok",
): Record<Role, Outcome> => {
  const ranks = ["guest", "member", "moderator", "admin", "owner"] as const;
  const at = ranks.indexOf(from);
  return {
    anonymous: "UNAUTHENTICATED",
    ...(Object.fromEntries(
      ranks.map((role, i) => [role, i >= at ? state : "PERMISSION_DENIED"]),
    ) as Record<(typeof ranks)[number], Outcome>),
    superAdmin: state,
    otherHub: "HUB_NOT_FOUND",
  };
};

/**
 * Private chats belong to their two people: the world's chat is `member`'s and
 * `moderator`'s; everyone else, super admins too, is told it does not exist.
 */
export const chatParticipants = (member: Outcome = "ok", moderator: Outcome = member) => ({
  ...signedInGet("CHAT_NOT_FOUND"),
  member,
  moderator,
});
export const onWorldChat = { chatId: worldChat.chatId };

/** Hub staff from moderator up (and super admins); members of other hubs never see the hub. */
export const hubStaff = hubPermission("moderator");
