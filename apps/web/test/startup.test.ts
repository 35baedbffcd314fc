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

describe("start-up", () => {
  it("seeds the demo hub and prints the admin's credentials exactly once", async () => {
    const first = await startServer(database.env);
    await first.stop();
    expect(first.output()).toContain("Guildhall demo data created");
    expect(first.output()).toContain(`password: ${ADMIN_PASSWORD}`);
    const second = await startServer(database.env);
    const res = await fetch(`${second.url}/api/v1/hubs/demo`);
    await second.stop();
    expect(res.status).toBe(200);
    expect(second.output()).not.toContain("password:");
  });

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
  );
});
