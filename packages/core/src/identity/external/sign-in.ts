import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { randomInt } from "node:crypto";
import { recordAudit } from "../../access";
import { AppError, violatedConstraint } from "../../errors";
import { createUser, getUserByEmail, getUserById, getUserByUsername } from "../../users";
import { beginSignIn, type LoginResult } from "../login";
import type { ClientInfo } from "../sessions";
import { providerLabels, type ExternalProvider } from "./providers";

/** What a provider told us about the account, after its own checks passed. */
export interface ExternalProfile {
  provider: ExternalProvider;
  accountId: string;
  /** The provider's user name, used to suggest a username for a new account. */
  name?: string | null;
  email?: string | null;
  /** Only a verified address is copied to a new account. */
  emailVerified?: boolean;
}

export type ExternalSignInResult =
  { linked: true; userId: string } | ({ linked: false } & LoginResult);

const USERNAME_CHARS = /[^A-Za-z0-9._-]/g;

/** A free username close to the provider's name (4-20 characters of the documented set). */
async function freeUsername(tx: DbOrTx, profile: ExternalProfile): Promise<string> {
  let base = (profile.name ?? "").replace(USERNAME_CHARS, "").slice(0, 20);
  if (base.length < 4) base = `${profile.provider}${profile.accountId}`.slice(0, 20);
  if (!(await getUserByUsername(tx, base))) return base;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = `${base.slice(0, 15)}_${randomInt(1000, 9999)}`;
    if (!(await getUserByUsername(tx, candidate))) return candidate;
  }
  throw new AppError("USERNAME_TAKEN");
}

async function findIdentity(tx: DbOrTx, provider: ExternalProvider, accountId: string) {
  const [row] = await tx
    .select()
    .from(schema.userIdentities)
    .where(
      and(
        eq(schema.userIdentities.provider, provider),
        eq(schema.userIdentities.providerAccountId, accountId),
      ),
    )
    .limit(1);
  return row;
}

/** Attaches a provider account to a signed-in user. */
async function link(db: Database, profile: ExternalProfile, userId: string, ip?: string | null) {
  const params = { provider: providerLabels[profile.provider] };
  try {
    await db.transaction(async (tx) => {
      const existing = await findIdentity(tx, profile.provider, profile.accountId);
      if (existing && existing.userId !== userId) throw new AppError("IDENTITY_TAKEN", params);
      if (existing) return;
      await tx.insert(schema.userIdentities).values({
        userId,
        provider: profile.provider,
        providerAccountId: profile.accountId,
        displayName: profile.name ?? null,
        email: profile.email ?? null,
      });
      await recordAudit(tx, {
        hubId: null,
        actorId: userId,
        action: "identity.link",
        targetType: "user",
        targetId: userId,
        after: { provider: profile.provider, account: profile.accountId },
        ip,
      });
    });
  } catch (error) {
    // The unique keys decide races: this account elsewhere, or this provider already linked here.
    if (violatedConstraint(error) === null) throw error;
    const existing = await findIdentity(db, profile.provider, profile.accountId);
    throw new AppError(
      existing && existing.userId !== userId ? "IDENTITY_TAKEN" : "PROVIDER_ALREADY_LINKED",
      params,
    );
  }
}

/** A new account for a provider account nobody has linked yet. */
async function register(db: Database, profile: ExternalProfile, ip?: string | null) {
  const email = profile.emailVerified && profile.email ? profile.email : null;
  // Never attach to an existing account by e-mail: its owner must sign in and link.
  if (email && (await getUserByEmail(db, email)))
    throw new AppError("EMAIL_NEEDS_LINKING", { provider: providerLabels[profile.provider] });
  return db.transaction(async (tx) => {
    const user = await createUser(tx, {
      username: await freeUsername(tx, profile),
      email,
      displayName: profile.name ?? null,
    });
    if (email) {
      await tx
        .update(schema.users)
        .set({ emailVerifiedAt: new Date() })
        .where(eq(schema.users.id, user.id));
    }
    await tx.insert(schema.userIdentities).values({
      userId: user.id,
      provider: profile.provider,
      providerAccountId: profile.accountId,
      displayName: profile.name ?? null,
      email: profile.email ?? null,
    });
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "user.register",
      targetType: "user",
      targetId: user.id,
      after: { username: user.username, provider: profile.provider },
      ip,
    });
    return user;
  });
}

/**
 * After a provider proved an account: with `linkTo` (a signed-in user) the
 * account is attached to that user; otherwise its user signs in (a new user is
 * created the first time), through the MFA step when MFA is on.
 */
export async function externalSignIn(
  db: Database,
  profile: ExternalProfile,
  input: { linkTo?: string | null; kind?: "api" | "browser" } & ClientInfo,
): Promise<ExternalSignInResult> {
  if (input.linkTo) {
    await link(db, profile, input.linkTo, input.ip);
    return { linked: true, userId: input.linkTo };
  }
  const identity = await findIdentity(db, profile.provider, profile.accountId);
  const user = identity
    ? await getUserById(db, identity.userId)
    : await register(db, profile, input.ip).catch(async (error: unknown) => {
        // Two first sign-ins at once: the loser signs in to the winner's account.
        if (violatedConstraint(error) === null) throw error;
        const winner = await findIdentity(db, profile.provider, profile.accountId);
        if (!winner) throw error;
        return getUserById(db, winner.userId);
      });
  if (!user)
    throw new AppError("PROVIDER_SIGN_IN_FAILED", { provider: providerLabels[profile.provider] });
  if (!user.isActive) throw new AppError("ACCOUNT_INACTIVE");
  if (identity) {
    await db
      .update(schema.userIdentities)
      .set({ lastUsedAt: new Date(), displayName: profile.name ?? identity.displayName })
      .where(eq(schema.userIdentities.id, identity.id));
  }
  return { linked: false, ...(await beginSignIn(db, user, input)) };
}
