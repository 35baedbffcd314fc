import { createDatabase, type DatabaseHandle } from "@guildhall/db";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { getEnv } from "../env";
import { withDatabase } from "./global-setup";

export { tinyPng } from "./images";
export { accessTokenPrincipal } from "./principal";

export interface TestDatabase extends DatabaseHandle {
  /** Postgres: the URL of this file's own database (for servers started by tests). */
  url?: string;
  /** PGlite: the template tarball, to start a server's data folder from. */
  template?: Blob;
  /** Closes and, on Postgres, drops this file's database. */
  destroy(): Promise<void>;
}

/** Reads the migrated PGlite template produced by the global setup. */
export function pgliteTemplate(): Blob {
  return new Blob([readFileSync(inject("pgliteTemplate"))]);
}

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template
 * in memory, or its own database copied from the Postgres template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = getEnv().DATABASE_URL;
  const template = inject("postgresTemplate");
  if (url?.startsWith("postgres") && template) {
    const name = `gh_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name} template ${template}`);
    const ownUrl = withDatabase(url, name);
    const handle = await createDatabase({ url: ownUrl, maxConnections: 4 });
    return {
      ...handle,
      url: ownUrl,
      destroy: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const blob = pgliteTemplate();
  const handle = await createDatabase({ url: "memory:", loadDataDir: blob });
  return { ...handle, template: blob, destroy: () => handle.close() };
}

/**
 * A data folder holding a copy of the migrated template, for an app server
 * started by a test (PGlite). Returns the folder; the caller removes it.
 */
export async function createTestDataDir(dir: string): Promise<string> {
  const handle = await createDatabase({ dataDir: dir, loadDataDir: pgliteTemplate() });
  await handle.close();
  return dir;
}
