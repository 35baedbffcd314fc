import { defineConfig, type ViteUserConfig } from "vitest/config";

/**
 * Shared test settings. Tests hit real databases (PGlite, or Postgres when
 * DATABASE_URL is set), so they get generous timeouts and run files one at a
 * time per worker to keep memory within a 2-core machine.
 */
export function guildhallTestConfig(overrides: ViteUserConfig["test"] = {}) {
  return defineConfig({
    test: {
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: "forks",
      maxWorkers: 2,
      reporters: ["default"],
      ...overrides,
    },
  });
}
