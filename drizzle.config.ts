import { defineConfig } from "drizzle-kit";

// Migrations are generated from the per-domain schema in packages/db and
// committed; `pnpm db:generate` also bundles them for the app (see README).
export default defineConfig({
  dialect: "postgresql",
  schema: "./packages/db/src/schema/index.ts",
  out: "./packages/db/migrations",
  casing: "snake_case",
  strict: true,
});
