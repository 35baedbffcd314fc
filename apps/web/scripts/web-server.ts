/**
 * Starts the production server (dist/server.mjs, the bundle of
 * src/server/node/main.ts that `pnpm build` makes beside the Next build) as a
 * child process: shared by the HTTP tests, the browser tests' server and the
 * benchmarks.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const webDir = fileURLToPath(new URL("..", import.meta.url));
const serverEntry = join(webDir, "dist/server.mjs");

// eslint-disable-next-line no-restricted-properties -- children need the PATH, not a setting
const PATH = process.env.PATH ?? "";

/** A child Node process with a minimal environment: PATH, production mode, quiet logs, then `env`. */
export function spawnNode(
  args: string[],
  env: Record<string, string>,
  stdio: StdioOptions = "pipe",
): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: webDir,
    env: { PATH, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio,
  });
}

/** The production server on 127.0.0.1:`port`. */
export function spawnWebServer(
  port: number,
  env: Record<string, string>,
  stdio: StdioOptions = "pipe",
): ChildProcess {
  if (!existsSync(serverEntry))
    throw new Error(`${serverEntry} is missing: run \`pnpm build\` (it bundles the server)`);
  return spawnNode([serverEntry], { PORT: String(port), HOST: "127.0.0.1", ...env }, stdio);
}

/** Polls `url` until it answers 2xx; fails early when `child` exits. */
export async function waitUntilUp(
  url: string,
  child?: ChildProcess,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
