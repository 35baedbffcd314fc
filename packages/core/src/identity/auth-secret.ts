import { schema, type DbOrTx } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { getEnv } from "../env";
import { processWide } from "@guildhall/process-wide";

/** Process-wide, so every bundle signs with the one secret it read or made. */
const secret = () =>
  processWide("identity.auth-secret", () => ({ value: undefined as string | undefined }));

/**
 * The secret that signs access tokens and seals TOTP seeds: AUTH_SECRET when
 * set, else one generated on first use and kept in the database, so a quick
 * start needs no configuration and restarts keep sessions valid.
 */
export async function getAuthSecret(db: DbOrTx): Promise<string> {
  const cached = secret();
  if (cached.value) return cached.value;
  const configured = getEnv().AUTH_SECRET;
  if (configured) return (cached.value = configured);
  await db
    .insert(schema.instanceSecrets)
    .values({ key: "auth_secret", value: randomBytes(48).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(schema.instanceSecrets)
    .where(eq(schema.instanceSecrets.key, "auth_secret"));
  if (!row) throw new Error("auth secret missing after insert");
  return (cached.value = row.value);
}

/** Tests that swap databases within one process start over. */
export function forgetAuthSecret(): void {
  secret().value = undefined;
}
