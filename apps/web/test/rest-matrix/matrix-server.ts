import { cpSync, rmSync } from "node:fs";
import { createDatabase } from "@guildhall/db";
import type { DatabaseHandle } from "@guildhall/db";
import { buildWorld, type Role } from "../../../../packages/api/test/support/world";
import {
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "../support/server";
import { bearerTokens } from "./callers";

/** The running server of a matrix file, with the world the matrix expects in its database. */
export interface MatrixServer {
  readonly url: string;
  /** Bearer tokens of every caller kind but anonymous. */
  readonly tokens: ReadonlyMap<Role, string>;
  /** Puts the world back as built (after a call that changed it). */
  restore(): Promise<void>;
  /** How long each restore took, in milliseconds. */
  readonly restoreTimes: readonly number[];
  stop(): Promise<void>;
}

const serverEnv = {
  SUPER_ADMINS: "superadminuser",
  // Every call must reach authorization; rate limits are tested on their own.
  RATE_LIMIT_WHITELIST: "127.0.0.1",
  LOG_LEVEL: "warn",
};

const open = (database: ServerDatabase): Promise<DatabaseHandle> =>
  createDatabase({ url: database.env.DATABASE_URL, dataDir: database.env.PGLITE_DATA_DIR });

/**
 * Builds the world in a fresh database and starts the production server on it.
 *
 * Restoring: on Postgres through a second connection while the server runs;
 * an embedded PGlite database has one owner at a time, so there the server is
 * stopped, its folder replaced by a copy taken right after the world was built,
 * and the server started again (tokens live in the database and stay valid;
 * the URL changes).
 */
export async function startMatrixServer(): Promise<MatrixServer> {
  const database = await createServerDatabase();
  // An embedded PGlite database: restored from a copy of its folder.
  const folder = database.env.PGLITE_DATA_DIR;
  const handle = await open(database);
  let world;
  let tokens;
  try {
    world = await buildWorld(handle);
    tokens = await bearerTokens(handle, world);
  } finally {
    if (folder) await handle.close();
  }
  const builtWorld = world;
  const snapshot = folder ? `${folder}.built` : null;
  if (folder && snapshot) cpSync(folder, snapshot, { recursive: true });
  let server: RunningServer = await startServer({ ...database.env, ...serverEnv });
  const restoreTimes: number[] = [];

  const restore = async () => {
    const started = performance.now();
    if (!folder || !snapshot) await builtWorld.restore(handle.db);
    else {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
      cpSync(snapshot, folder, { recursive: true });
      server = await startServer({ ...database.env, ...serverEnv });
    }
    restoreTimes.push(performance.now() - started);
  };

  return {
    get url() {
      return server.url;
    },
    tokens,
    restore,
    restoreTimes,
    stop: async () => {
      await server.stop();
      if (!folder) await handle.close();
      if (snapshot) rmSync(snapshot, { recursive: true, force: true });
      await database.destroy();
    },
  };
}
