import { generateOpaqueToken, hashToken } from "@guildhall/auth";
import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError } from "../errors";

/** Creates an application token; the plain token is returned once and never stored. */
export async function createApplicationToken(
  db: Database,
  input: {
    userId: string;
    name: string;
    scopes: string[];
    expiresAt?: Date | null;
    ip?: string | null;
  },
) {
  const token = generateOpaqueToken("application");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.applicationTokens)
      .values({
        userId: input.userId,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        scopes: input.scopes,
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    if (!row) throw new Error("token insert returned nothing");
    await recordAudit(tx, {
      hubId: null,
      actorId: input.userId,
      action: "token.create",
      targetType: "application_token",
      targetId: row.id,
      after: { name: row.name, scopes: row.scopes },
      ip: input.ip,
    });
    return {
      token,
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
    };
  });
}

export function listApplicationTokens(db: DbOrTx, userId: string) {
  const t = schema.applicationTokens;
  return db
    .select({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      scopes: t.scopes,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
    })
    .from(t)
    .where(and(eq(t.userId, userId), isNull(t.revokedAt)))
    .orderBy(desc(t.id));
}

/** Revokes one of the user's tokens (or all when tokenId is null); audited. */
export async function revokeApplicationTokens(
  db: Database,
  userId: string,
  tokenId: string | null,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const t = schema.applicationTokens;
    const rows = await tx
      .update(t)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(t.userId, userId), isNull(t.revokedAt), ...(tokenId ? [eq(t.id, tokenId)] : [])),
      )
      .returning({ id: t.id });
    if (tokenId && rows.length === 0) throw new AppError("TOKEN_NOT_FOUND");
    await recordAudit(tx, {
      hubId: null,
      actorId: userId,
      action: tokenId ? "token.revoke" : "token.revokeAll",
      targetType: "application_token",
      targetId: tokenId,
      after: { revoked: rows.length },
      ip,
    });
    return rows.length;
  });
}
