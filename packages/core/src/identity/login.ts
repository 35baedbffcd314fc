import {
  DUMMY_PASSWORD_HASH,
  generateOpaqueToken,
  hashPassword,
  hashToken,
  needsRehash,
  verifyPassword,
} from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { eq, or, sql } from "drizzle-orm";
import { AppError } from "../errors";
import { createSession, type ClientInfo, type TokenPair } from "./sessions";

export type LoginResult =
  | ({ mfaRequired: false; userId: string } & TokenPair)
  | { mfaRequired: true; mfaTicket: string; expiresIn: number; userId: string };

const MFA_TICKET_MINUTES = 10;

/** Finds an account by username or e-mail, case-insensitively. */
function findAccount(db: Database, login: string) {
  const value = login.trim().toLowerCase();
  return db
    .select()
    .from(schema.users)
    .where(
      or(
        sql`lower(${schema.users.username}) = ${value}`,
        sql`lower(${schema.users.email}) = ${value}`,
      ),
    )
    .limit(1);
}

/**
 * Password sign-in. Unknown user and wrong password give the same error after
 * the same argon2 work. With MFA on, the answer is a 10-minute ticket instead of tokens.
 */
export async function passwordLogin(
  db: Database,
  input: { login: string; password: string; kind?: "api" | "browser" } & ClientInfo,
): Promise<LoginResult> {
  const [user] = await findAccount(db, input.login);
  if (!user?.passwordHash) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw new AppError("INVALID_CREDENTIALS");
  if (!user.isActive) throw new AppError("ACCOUNT_INACTIVE");
  if (needsRehash(user.passwordHash)) {
    await db
      .update(schema.users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(schema.users.id, user.id));
  }
  return beginSignIn(db, user, input);
}

/**
 * The step after a sign-in method has proved who the user is (password or an
 * external provider): a 10-minute MFA ticket when MFA is on, else a session.
 */
export async function beginSignIn(
  db: Database,
  user: { id: string; mfaEnabledAt: Date | null },
  input: { kind?: "api" | "browser" } & ClientInfo,
): Promise<LoginResult> {
  if (user.mfaEnabledAt) {
    const ticket = generateOpaqueToken("mfaTicket");
    await db.insert(schema.mfaTickets).values({
      userId: user.id,
      tokenHash: hashToken(ticket),
      userAgent: input.userAgent ?? null,
      ip: input.ip ?? null,
      expiresAt: new Date(Date.now() + MFA_TICKET_MINUTES * 60_000),
    });
    return {
      mfaRequired: true,
      mfaTicket: ticket,
      expiresIn: MFA_TICKET_MINUTES * 60,
      userId: user.id,
    };
  }
  const tokens = await db.transaction((tx) =>
    createSession(tx, {
      userId: user.id,
      kind: input.kind ?? "api",
      mfaVerified: false,
      userAgent: input.userAgent,
      ip: input.ip,
    }),
  );
  return { mfaRequired: false, userId: user.id, ...tokens };
}
