import { schema, type Database } from "@guildhall/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../access";
import { AppError } from "../../errors";
import { getUserById } from "../../users";
import { enabledProviders, providerLabels, type ExternalProvider } from "./providers";

/** The user's sign-in methods: password or not, linked providers, and what could be linked. */
export async function listIdentities(db: Database, userId: string) {
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  const identities = await db
    .select({
      provider: schema.userIdentities.provider,
      displayName: schema.userIdentities.displayName,
      createdAt: schema.userIdentities.createdAt,
      lastUsedAt: schema.userIdentities.lastUsedAt,
    })
    .from(schema.userIdentities)
    .where(eq(schema.userIdentities.userId, userId))
    .orderBy(asc(schema.userIdentities.createdAt));
  return { hasPassword: user.passwordHash !== null, identities, available: enabledProviders() };
}

/** Detaches a provider, unless it is the account's last way to sign in. */
export async function unlinkIdentity(
  db: Database,
  input: { userId: string; provider: ExternalProvider; ip?: string | null },
) {
  await db.transaction(async (tx) => {
    // Lock the user row: two concurrent unlinks must not both see "another method left".
    const [user] = await tx
      .select({ passwordHash: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.id, input.userId))
      .for("update");
    if (!user) throw new AppError("USER_NOT_FOUND");
    const rows = await tx
      .select({ id: schema.userIdentities.id, provider: schema.userIdentities.provider })
      .from(schema.userIdentities)
      .where(eq(schema.userIdentities.userId, input.userId));
    const target = rows.find((row) => row.provider === input.provider);
    if (!target) throw new AppError("IDENTITY_NOT_FOUND");
    if (user.passwordHash === null && rows.length === 1)
      throw new AppError("LAST_SIGN_IN_METHOD", { provider: providerLabels[input.provider] });
    await tx
      .delete(schema.userIdentities)
      .where(
        and(
          eq(schema.userIdentities.id, target.id),
          eq(schema.userIdentities.userId, input.userId),
        ),
      );
    await recordAudit(tx, {
      hubId: null,
      actorId: input.userId,
      action: "identity.unlink",
      targetType: "user",
      targetId: input.userId,
      before: { provider: input.provider },
      ip: input.ip,
    });
  });
}
