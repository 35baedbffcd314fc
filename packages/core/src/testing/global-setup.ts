import { createDatabase, migrateDatabase } from "@guildhall/db";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { getEnv } from "../env";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir tarball each test file loads. */
    pgliteTemplate: string;
    /** Postgres: the migrated template database each test file copies. */
    postgresTemplate: string;
  }
}

/**
 * Migrates one template per test run: a PGlite tarball, or with DATABASE_URL
 * a Postgres template database. Test files copy it (about 1 s) instead of
 * migrating their own.
 */
export default async function setup(project: TestProject) {
  const url = getEnv().DATABASE_URL;
  if (url?.startsWith("postgres")) {
    const name = `gh_tpl_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    const templateUrl = withDatabase(url, name);
    const handle = await createDatabase({ url: templateUrl, maxConnections: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("postgresTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const folder = mkdtempSync(join(tmpdir(), "gh-tpl-"));
  const handle = await createDatabase({ url: "memory:" });
  await migrateDatabase(handle);
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  const path = join(folder, "template.tar");
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", path);
  project.provide("postgresTemplate", "");
  return () => rmSync(folder, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
