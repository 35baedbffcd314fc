// Quick start, command 1: install, build, and serve the dashboard + API on the
// embedded database (migrated and seeded on first start; the admin's password
// is printed once). Settings: see README "Settings".
import { install, runPnpm } from "./lib.mjs";

install();
runPnpm(["exec", "turbo", "run", "build", "--filter=@guildhall/web..."]);
runPnpm(["--filter", "@guildhall/web", "run", "serve"]);
