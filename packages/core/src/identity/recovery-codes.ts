import { generateRecoveryCodes, hashToken } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";
import { and, count, eq, isNull } from "drizzle-orm";

/**
 * Replaces every recovery code of a user with 10 new ones (stored hashed) and
 * returns them in plain text, to be shown once. Run it inside the transaction
 * that justifies it: the old codes stop working when that commits.
 */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(schema.mfaRecoveryCodes).where(eq(schema.mfaRecoveryCodes.userId, userId));
  await tx
    .insert(schema.mfaRecoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hashToken(c) })));
  return codes;
}

/** How many of a user's recovery codes are still unused (0 with MFA off: turning it off deletes them). */
export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(schema.mfaRecoveryCodes)
    .where(and(eq(schema.mfaRecoveryCodes.userId, userId), isNull(schema.mfaRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}
