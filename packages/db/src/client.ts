import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { resolve } from "node:path";
import postgres from "postgres";
import { withCommitHooks } from "./after-commit";
import { lockDataDir } from "./pglite-lock";
import type { Database } from "./database-types";
import * as schema from "./schema";

export type { Database, DbOrTx, Schema, Transaction } from "./database-types";

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives: a folder, "memory:", or the Postgres URL without password. */
  location: string;
  /** Postgres only: the connection URL (migrations open their own connection). */
  url?: string;
  /** Postgres only: the raw postgres.js client (LISTEN/NOTIFY later). */
  sql?: postgres.Sql;
  /** PGlite only: the embedded instance. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`, `memory:`, or undefined for the embedded folder. */
  url?: string;
  /** Folder for embedded PGlite when no URL is given. */
  dataDir?: string;
  /** A `dumpDataDir` tarball to start PGlite from (tests copy a migrated template). */
  loadDataDir?: Blob;
  /** postgres.js pool size. */
  maxConnections?: number;
}

export const DEFAULT_DATA_DIR = "./.data/pglite";

const drizzleOptions = { schema, casing: "snake_case" } as const;

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = options.url?.trim() || undefined;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const sql = postgres(url, {
      max: options.maxConnections ?? 10,
      onnotice: () => undefined,
      connection: {
        application_name: "guildhall",
        // Every hub-scoped query is prepared once and run for hubs of very different
        // sizes; a cached generic plan (chosen blind to the hub) can be orders of
        // magnitude off, so plan each execution for its actual values (see
        // docs/benchmarks.md, member list).
        plan_cache_mode: "force_custom_plan",
      },
    });
    const db = withCommitHooks(drizzlePostgres({ client: sql, ...drizzleOptions }));
    return {
      db,
      kind: "postgres",
      location: redact(url),
      url,
      sql,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  if (url && url !== "memory:") {
    throw new Error(
      `DATABASE_URL must start with postgres:// or be "memory:", got "${url.split(":")[0]}:"`,
    );
  }
  const inMemory = url === "memory:";
  const dataDir = inMemory
    ? undefined
    : resolve(/*turbopackIgnore: true*/ options.dataDir ?? DEFAULT_DATA_DIR);
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const pglite = await PGlite.create(
      dataDir,
      options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
    );
    const db = withCommitHooks(drizzlePglite({ client: pglite, ...drizzleOptions }));
    return {
      db,
      kind: "pglite",
      location: dataDir ?? "memory:",
      pglite,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
