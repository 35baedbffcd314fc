import { defineConfig } from "vitest/config";

/**
 * Shared test settings. Tests hit real databases (PGlite, or Postgres when
 * DATABASE_URL is set), so they get generous timeouts and at most two worker
 * processes, to keep memory within a 2-core machine.
 *
 * @param {import("vitest/config").ViteUserConfig["test"]} overrides
 */
export function guildhallTestConfig(overrides = {}) {
  return defineConfig({
    test: {
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: "forks",
      maxWorkers: 2,
      ...overrides,
    },
  });
}
