import { getEnv } from "@guildhall/core/env";
import { createDatabase, type Database, type DatabaseHandle } from "@guildhall/db";
import { createTestDatabase, createTestDataDir, type TestDatabase } from "@guildhall/core/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnWebServer, waitUntilUp } from "../../scripts/web-server";

export const ADMIN_PASSWORD = "test-admin-password-1";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  /** The server's process id (e.g. to read its memory in /proc). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerDatabase {
  /** Environment that points a server at this database. */
  env: Record<string, string>;
  /** Opens it from the test (only while no server uses it: PGlite has one user at a time). */
  open(): Promise<DatabaseHandle>;
  destroy(): Promise<void>;
}

/**
 * A database for servers started by one test file: a PGlite folder copied from
 * the migrated template, or (DATABASE_URL set) a fresh Postgres database.
 */
export async function createServerDatabase(): Promise<ServerDatabase> {
  if (getEnv().DATABASE_URL?.startsWith("postgres")) {
    const tdb: TestDatabase = await createTestDatabase();
    await tdb.close();
    return {
      env: { DATABASE_URL: tdb.url! },
      open: () => createDatabase({ url: tdb.url!, maxConnections: 1 }),
      destroy: () => tdb.destroy().catch(() => undefined),
    };
  }
  const dir = await createTestDataDir(mkdtempSync(join(tmpdir(), "gh-srv-")));
  return {
    env: { PGLITE_DATA_DIR: dir },
    open: () => createDatabase({ dataDir: dir }),
    destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** Starts the production server and waits until /api/health answers. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  let output = "";
  // Uploads go to a folder of this server's own unless the test says otherwise.
  const uploads = env.UPLOAD_DIR ? null : mkdtempSync(join(tmpdir(), "gh-uploads-"));
  const child = spawnWebServer(port, {
    SEED_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...(uploads ? { UPLOAD_DIR: uploads } : {}),
    ...env,
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/api/health`, child, 60_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      if (uploads) rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/** Starts a server whose start-up must fail; resolves with its exit code and output. */
export async function startServerExpectingExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawnWebServer(port, env);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Harmless pokes: the server fails before it listens, or answers and is killed at the timeout.
  const poke = setInterval(
    () => void fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined),
    300,
  );
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(poke);
  clearTimeout(timer);
  return { code, output };
}

/**
 * For a test file: a server on its own database for all its tests (with
 * `env` added to its settings), stopped (and the database removed)
 * afterwards. Read `.url` (or `.pid`, `.output()`) inside tests.
 */
export function useServer(
  env: Record<string, string> = {},
  options: {
    /** Writes to the server's database before it starts (e.g. a signing key the test knows). */
    prepare?: (db: Database) => Promise<void>;
  } = {},
): Omit<RunningServer, "stop"> {
  let database: ServerDatabase | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    database = await createServerDatabase();
    if (options.prepare) {
      const handle = await database.open();
      try {
        await options.prepare(handle.db);
      } finally {
        await handle.close();
      }
    }
    server = await startServer({ ...database.env, ...env });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });
  const running = () => {
    if (!server) throw new Error("server not started");
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get pid() {
      return running().pid;
    },
    output: () => running().output(),
  };
}
