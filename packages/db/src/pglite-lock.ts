import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * PGlite has no lock on its data folder and two processes writing one folder
 * silently lose data. We take an exclusive lock file (O_EXCL) holding our pid;
 * a lock whose process is gone is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database folder ${dataDir} is already in use by process ${holderPid}. ` +
        `PGlite cannot be shared between processes: stop that process, point PGLITE_DATA_DIR ` +
        `at another folder, or set DATABASE_URL to use a Postgres server.`,
    );
    this.name = "DataDirLockedError";
  }
}

const LOCK_FILE = "guildhall.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): number | undefined {
  try {
    const [pid, host] = readFileSync(path, "utf8").split("\n");
    // A lock written on another host (shared volume) cannot be checked: treat as held.
    if (host && host !== hostname()) return Number.MAX_SAFE_INTEGER;
    const parsed = Number(pid);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n${hostname()}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(path) === process.pid) rmSync(path, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      if (holder === process.pid) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(dataDir, readHolder(path) ?? -1);
}
