import {
  createTotpSecret,
  hashToken,
  normalizeRecoveryCode,
  open,
  seal,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from "@guildhall/auth";
import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Principal } from "../access";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";
import { getAuthSecret } from "./auth-secret";
import { replaceRecoveryCodes } from "./recovery-codes";
import { createSession, type ClientInfo, type TokenPair } from "./sessions";

const PURPOSE = "totp";
/** Sensitive actions need an MFA check this recent (when MFA is on). */
export const RECENT_MFA_MINUTES = 15;
const MAX_TICKET_ATTEMPTS = 5;

async function loadUser(db: DbOrTx, userId: string) {
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  return user;
}

/** Offers a new TOTP seed (not active until confirmed with a code). */
export async function beginMfaSetup(db: DbOrTx, userId: string) {
  const user = await loadUser(db, userId);
  if (user.mfaEnabledAt) throw new AppError("MFA_ALREADY_ENABLED");
  const secret = createTotpSecret();
  await db
    .update(schema.users)
    .set({ mfaPendingSecret: seal(secret, await getAuthSecret(db), PURPOSE) })
    .where(eq(schema.users.id, userId));
  const uri = totpUri(secret, user.username);
  return { secret, otpauthUri: uri, qrCode: await totpQrDataUrl(uri) };
}

type User = NonNullable<Awaited<ReturnType<typeof getUserById>>>;

/** A 6-digit code of the user's active seed; each time step's code works once. */
async function acceptTotp(tx: DbOrTx, user: User, clean: string): Promise<boolean> {
  if (!user.mfaSecret || !/^\d{6}$/.test(clean)) return false;
  const secret = open(user.mfaSecret, await getAuthSecret(tx), PURPOSE);
  const step = await verifyTotp(secret, clean, user.mfaLastStep);
  if (step === null) return false;
  // The guard in WHERE makes concurrent uses of one code race to a single winner.
  const updated = await tx
    .update(schema.users)
    .set({ mfaLastStep: step })
    .where(
      and(eq(schema.users.id, user.id), sql`coalesce(${schema.users.mfaLastStep}, -1) < ${step}`),
    )
    .returning({ id: schema.users.id });
  return updated.length === 1;
}

/** Checks a TOTP code only (no recovery codes); each code works once. */
export async function checkTotpCode(tx: DbOrTx, userId: string, code: string): Promise<boolean> {
  return acceptTotp(tx, await loadUser(tx, userId), code.replace(/\s/g, ""));
}

/**
 * Checks a TOTP code (each code works once) or a recovery code (each works
 * once). Returns false when neither matches.
 */
export async function checkMfaCode(tx: DbOrTx, userId: string, code: string): Promise<boolean> {
  const user = await loadUser(tx, userId);
  if (!user.mfaSecret) return false;
  const clean = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(clean)) return acceptTotp(tx, user, clean);
  const used = await tx
    .update(schema.mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(schema.mfaRecoveryCodes.userId, userId),
        eq(schema.mfaRecoveryCodes.codeHash, hashToken(normalizeRecoveryCode(clean))),
        isNull(schema.mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: schema.mfaRecoveryCodes.id });
  return used.length === 1;
}

/** Confirms the offered seed with a code; turns MFA on and returns 10 recovery codes (shown once). */
export async function enableMfa(
  db: Database,
  principal: Principal,
  code: string,
  meta: ClientInfo = {},
) {
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, principal.userId);
    if (user.mfaEnabledAt) throw new AppError("MFA_ALREADY_ENABLED");
    if (!user.mfaPendingSecret) throw new AppError("MFA_SETUP_MISSING");
    const authSecret = await getAuthSecret(tx);
    const secret = open(user.mfaPendingSecret, authSecret, PURPOSE);
    const step = await verifyTotp(secret, code.replace(/\s/g, ""), null);
    if (step === null)
      throw new AppError(
        "INVALID_MFA_CODE",
        {},
        { fieldErrors: { code: ["errors.invalidMfaCode"] } },
      );
    await tx
      .update(schema.users)
      .set({
        mfaSecret: user.mfaPendingSecret,
        mfaPendingSecret: null,
        mfaEnabledAt: new Date(),
        mfaLastStep: step,
      })
      .where(eq(schema.users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    if (principal.sessionId) await markMfaVerified(tx, principal.sessionId);
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "mfa.enable",
      targetType: "user",
      targetId: user.id,
      ip: meta.ip,
    });
    return { recoveryCodes: codes };
  });
}

/** Turns MFA off; needs a current code (or a recovery code). */
export async function disableMfa(
  db: Database,
  principal: Principal,
  code: string,
  meta: ClientInfo = {},
) {
  await db.transaction(async (tx) => {
    const user = await loadUser(tx, principal.userId);
    if (!user.mfaEnabledAt) throw new AppError("MFA_NOT_ENABLED");
    if (!(await checkMfaCode(tx, user.id, code))) throw new AppError("INVALID_MFA_CODE");
    await tx
      .update(schema.users)
      .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null })
      .where(eq(schema.users.id, user.id));
    await tx.delete(schema.mfaRecoveryCodes).where(eq(schema.mfaRecoveryCodes.userId, user.id));
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "mfa.disable",
      targetType: "user",
      targetId: user.id,
      ip: meta.ip,
    });
  });
}

export async function markMfaVerified(tx: DbOrTx, sessionId: string): Promise<void> {
  await tx
    .update(schema.authSessions)
    .set({ mfaVerifiedAt: new Date() })
    .where(eq(schema.authSessions.id, sessionId));
}

/** A fresh MFA check for the current session (before sensitive actions). */
export async function verifyMfaForSession(
  db: Database,
  principal: Principal,
  code: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!principal.mfaEnabled) throw new AppError("MFA_NOT_ENABLED");
    if (!(await checkMfaCode(tx, principal.userId, code))) throw new AppError("INVALID_MFA_CODE");
    if (principal.sessionId) await markMfaVerified(tx, principal.sessionId);
  });
}

/** Whether this session passed MFA (sign-in, enable, verify) within RECENT_MFA_MINUTES. */
export function hasRecentMfa(principal: Principal): boolean {
  const verified = principal.mfaVerifiedAt?.getTime() ?? 0;
  return Date.now() - verified <= RECENT_MFA_MINUTES * 60_000;
}

/** Throws MFA_REQUIRED unless MFA is off or this session passed it recently. */
export function requireRecentMfa(principal: Principal): void {
  if (!principal.mfaEnabled) return;
  if (!hasRecentMfa(principal)) throw new AppError("MFA_REQUIRED");
}

/**
 * The account's budget of MFA code attempts, shared by sign-in and the signed-in
 * MFA procedures (the rate limiter lives in packages/api, which passes it in).
 */
export interface MfaAttemptBudget {
  /** Throws (RATE_LIMITED) when the account has no attempts left. */
  check(userId: string): Promise<void>;
  /** Takes one attempt, for a wrong code. */
  spend(userId: string): Promise<void>;
}

/**
 * Second step of a password login with MFA on: exchanges the ticket and a code
 * for tokens. A wrong code costs an attempt of the ticket and of the account's `budget`.
 */
export async function completeMfaLogin(
  db: Database,
  input: { ticket: string; code: string; kind?: "api" | "browser" } & ClientInfo,
  budget?: MfaAttemptBudget,
): Promise<TokenPair & { userId: string }> {
  const ticketHash = hashToken(input.ticket);
  // Count the attempt first, in its own statement, so failures are remembered.
  const [ticket] = await db
    .update(schema.mfaTickets)
    .set({ attempts: sql`${schema.mfaTickets.attempts} + 1` })
    .where(
      and(
        eq(schema.mfaTickets.tokenHash, ticketHash),
        isNull(schema.mfaTickets.usedAt),
        gt(schema.mfaTickets.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!ticket || ticket.attempts > MAX_TICKET_ATTEMPTS) throw new AppError("INVALID_TOKEN");
  await budget?.check(ticket.userId);
  const signedIn = db.transaction(async (tx) => {
    if (!(await checkMfaCode(tx, ticket.userId, input.code)))
      throw new AppError("INVALID_MFA_CODE");
    const claimed = await tx
      .update(schema.mfaTickets)
      .set({ usedAt: new Date() })
      .where(and(eq(schema.mfaTickets.id, ticket.id), isNull(schema.mfaTickets.usedAt)))
      .returning({ id: schema.mfaTickets.id });
    if (claimed.length !== 1) throw new AppError("INVALID_TOKEN");
    const user = await loadUser(tx, ticket.userId);
    if (!user.isActive) throw new AppError("ACCOUNT_INACTIVE");
    const tokens = await createSession(tx, {
      userId: user.id,
      kind: input.kind ?? "api",
      mfaVerified: true,
      ...input,
    });
    return { ...tokens, userId: user.id };
  });
  return signedIn.catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === "INVALID_MFA_CODE")
      await budget?.spend(ticket.userId);
    throw error;
  });
}
