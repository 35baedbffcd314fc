import type { MigrationConfig } from "drizzle-orm/migrator";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database, DatabaseHandle } from "./client";
import { migrations } from "./migrations.gen";

const config: MigrationConfig = { migrationsFolder: "(bundled)", migrationsSchema: "drizzle" };
/** Any constant: instances starting together take turns on this advisory lock. */
const MIGRATION_LOCK = 7_351_902;

// Drizzle's migrators only read migrations from a folder; the dialect's own
// `migrate` takes them as data, which is what we bundle.
async function applyBundled(db: Database): Promise<void> {
  const internals = db as unknown as { dialect: PgDialect; session: PgSession };
  await internals.dialect.migrate(migrations, internals.session, config);
}

/** Brings the schema up to date. Safe to run from several instances at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") return applyBundled(handle.db);
  // One dedicated connection holds the advisory lock for the whole run.
  const url = handle.url;
  if (!url) throw new Error("Postgres handle without a URL");
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await applyBundled(drizzle({ client: sql, casing: "snake_case" }) as unknown as Database);
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export const migrationCount = migrations.length;
