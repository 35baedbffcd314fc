// Helpers for the two quick-start commands (`npm start`, `npm test`): they work
// on a machine with only Node >= 20.9, fetching the pinned pnpm through npx.
import { spawnSync } from "node:child_process";

export const PNPM_VERSION = "12.21.0";

/** Runs a command, streaming its output; exits this process when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The pnpm to use: the installed one when it is the pinned version, else npx's. */
export function pnpm() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ["pnpm"];
  return ["npx", "-y", `pnpm@${PNPM_VERSION}`];
}

export function runPnpm(args, options) {
  const [command, ...prefix] = pnpm();
  run(command, [...prefix, ...args], options);
}

export function install() {
  runPnpm(["install", "--frozen-lockfile"]);
}
