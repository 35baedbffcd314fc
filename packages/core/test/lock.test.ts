import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, DataDirLockedError } from "@guildhall/db";

const dir = mkdtempSync(join(tmpdir(), "gh-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded database folder lock", () => {
  it("refuses a second process on the same folder with a clear message", async () => {
    // A real second process holds the folder open.
    const holder = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import { createDatabase } from "@guildhall/db";
         const h = await createDatabase({ dataDir: ${JSON.stringify(dir)} });
         console.log("ready");
         process.stdin.on("data", async () => { await h.close(); process.exit(0); });`,
      ],
      { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      holder.on("exit", (code) => reject(new Error(`holder exited ${code}`)));
    });
    const attempt = createDatabase({ dataDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(
      /already in use by process \d+.*PGLITE_DATA_DIR.*DATABASE_URL/s,
    );
    holder.stdin.write("stop\n");
    await new Promise((resolve) => holder.on("exit", resolve));
    // Released on close: now it opens.
    const handle = await createDatabase({ dataDir: dir });
    await handle.close();
  }, 60_000);

  it("takes over a stale lock whose process is gone", async () => {
    const lock = join(dir, "guildhall.lock");
    writeFileSync(lock, `999999\n${hostname()}\n`);
    const handle = await createDatabase({ dataDir: dir });
    // The lock is ours now, and released (removed) on close.
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n${hostname()}\n`);
    await handle.close();
    expect(existsSync(lock)).toBe(false);
  }, 30_000);
});
