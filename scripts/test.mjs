// Quick start, command 2: install and run every test (unit, database, HTTP
// against the production server, and Playwright in Chromium). Uses embedded PGlite, or
// the Postgres server in DATABASE_URL when it is set.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { install, run, runPnpm } from "./lib.mjs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const root = process.getuid?.() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (root && apt) {
    console.log("Chromium is missing: installing Debian's chromium for the browser tests");
    run("sh", ["-c", "apt-get update -qq && apt-get install -y -qq chromium"]);
  } else {
    console.error(
      `The browser tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: apt-get install chromium)` +
        " or set CHROMIUM_PATH to a Chromium binary.",
    );
    process.exit(1);
  }
}
install();
runPnpm(["exec", "turbo", "run", "test", "--concurrency=1", ...process.argv.slice(2)]);
