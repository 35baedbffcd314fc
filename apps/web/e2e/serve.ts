/**
 * Serves the production build for the browser tests on a throwaway database:
 * a fresh PGlite folder, or with DATABASE_URL a fresh Postgres database. Both
 * are removed when Playwright stops the server.
 */
import { getEnv } from "@guildhall/core/env";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { spawnWebServer } from "../scripts/web-server";

const port = process.argv[2] ?? "3210";
const baseUrl = getEnv().DATABASE_URL;
let cleanup: () => Promise<void>;
const dbEnv: Record<string, string> = {};

if (baseUrl?.startsWith("postgres")) {
  const name = `gh_e2e_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  dbEnv.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), "gh-e2e-"));
  dbEnv.PGLITE_DATA_DIR = dir;
  cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
}

// A known admin password lets the browser tests sign in; they sign in more often than the
// login rate limit allows, so the browser's address is whitelisted (limits have their own tests).
// QR sign-in codes live 20 s here (120 s by default) so a test can watch one expire.
const server = spawnWebServer(
  Number(port),
  {
    ...dbEnv,
    SEED_ADMIN_PASSWORD: "e2e admin passphrase",
    RATE_LIMIT_WHITELIST: "127.0.0.1",
    QR_LOGIN_TTL_SECONDS: "20",
    // Links the server makes (QR approve URLs, mail) point at this server.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  },
  "inherit",
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await cleanup();
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 1));
