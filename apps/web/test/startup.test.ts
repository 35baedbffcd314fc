import { getEnv } from "@guildhall/core/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_PASSWORD,
  createServerDatabase,
  startServer,
  startServerExpectingExit,
  type ServerDatabase,
} from "./support/server";

let database: ServerDatabase;
beforeAll(async () => {
  database = await createServerDatabase();
});
afterAll(() => database?.destroy());

const embedded = !getEnv().DATABASE_URL?.startsWith("postgres");

// Each server start may take up to its own readiness limit (60 s, startServer) and each stop up
// to its kill timer (60 s): the budget of a test is what its starts and stops may take, not the
// default 30 s, which a busy machine (a fresh embedded database migrated twice) can exceed.
const TWO_STARTS = 4 * 60_000;

describe("start-up", () => {
  it(
    "seeds the demo hub and prints the admin's credentials exactly once",
    async () => {
      const first = await startServer(database.env);
      await first.stop();
      expect(first.output()).toContain("Guildhall demo data created");
      expect(first.output()).toContain(`password: ${ADMIN_PASSWORD}`);
      const second = await startServer(database.env);
      const res = await fetch(`${second.url}/api/v1/hubs/demo`);
      await second.stop();
      expect(res.status).toBe(200);
      expect(second.output()).not.toContain("password:");
    },
    TWO_STARTS,
  );

  it.runIf(embedded)(
    "refuses a second server on the same embedded folder and says why",
    async () => {
      const running = await startServer(database.env);
      try {
        const second = await startServerExpectingExit(database.env);
        expect(second.code).not.toBe(0);
        expect(second.output).toMatch(
          /Guildhall cannot start: The embedded database folder .* is already in use by process \d+/,
        );
        // The first server is unharmed.
        expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
      } finally {
        await running.stop();
      }
    },
    TWO_STARTS,
  );
});
