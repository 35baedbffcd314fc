import { createDatabase, migrateDatabase, type DatabaseHandle } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";
import { getEnv } from "../env";
import { getLogger } from "../logger";
import { seedDemo } from "../seed";

/**
 * The server's one database handle: opened, migrated and seeded on first use.
 * Process-wide, so every bundle and dev-mode module reload reuses it instead
 * of opening (and locking) the embedded folder a second time.
 */
const holder = processWide("database", (): { handle?: Promise<DatabaseHandle> } => ({}));

export function getDatabase(): Promise<DatabaseHandle> {
  holder.handle ??= openDatabase().catch((error: unknown) => {
    holder.handle = undefined;
    throw error;
  });
  return holder.handle;
}

async function openDatabase(): Promise<DatabaseHandle> {
  const env = getEnv();
  const log = getLogger();
  const handle = await createDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    await migrateDatabase(handle);
    log.info({ kind: handle.kind, location: handle.location }, "database ready");
    if (env.SEED_DEMO) await announceSeed(handle);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function announceSeed(handle: DatabaseHandle): Promise<void> {
  const env = getEnv();
  const result = await seedDemo(handle.db, {
    hubSlug: env.SEED_HUB_SLUG,
    adminUsername: env.SEED_ADMIN_USERNAME,
    adminEmail: env.SEED_ADMIN_EMAIL,
    adminPassword: env.SEED_ADMIN_PASSWORD,
  });
  if (!result.adminPassword) return;
  // Printed once, on the run that created the account; never logged again.
  const line = "=".repeat(64);
  process.stdout.write(
    `\n${line}\n Guildhall demo data created\n  hub:      ${result.hubSlug}\n` +
      `  username: ${result.adminUsername}\n  password: ${result.adminPassword}\n` +
      ` This account is the instance's super admin (/admin in the dashboard).\n` +
      ` Save this password now: it is shown only once.\n${line}\n\n`,
  );
}
