import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// The boundary rules of `pnpm lint` (.dependency-cruiser.cjs at the repository root), run over
// a small tree with one planted violation of each kind and one allowed import beside them.
const fixture = fileURLToPath(new URL("./boundaries-fixture", import.meta.url));
const config = fileURLToPath(new URL("../../../.dependency-cruiser.cjs", import.meta.url));
const bin = fileURLToPath(new URL("../node_modules/.bin/depcruise", import.meta.url));

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function violations(): Promise<string[]> {
  // depcruise exits non-zero when it finds violations; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(
    bin,
    ["packages", "apps", "--config", config, "--output-type", "json"],
    { cwd: fixture, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe("boundary check", () => {
  it("fails on a cycle, another domain's internals, the kernel importing a domain, a lower package importing a higher one and the web app reaching past the API, and on nothing else", async () => {
    const found = await violations();
    expect(found).toEqual([
      "core-base-imports-no-domain: packages/core/src/access/actor.ts -> packages/core/src/tickets/index.ts",
      "core-domain-internals: packages/core/src/chats/send-message.ts -> packages/core/src/tickets/rules.ts",
      "db-is-a-leaf: packages/db/src/client.ts -> packages/core/src/access/actor.ts",
      "no-circular: packages/core/src/hubs/create-hub.ts -> packages/core/src/roles/index.ts",
      "no-deep-package-imports: packages/db/src/client.ts -> packages/core/src/access/actor.ts",
      "web-pages-through-the-api: apps/web/src/app/page.tsx -> packages/core/src/hubs/index.ts",
      "web-server-no-core-domains: apps/web/src/server/caller.ts -> packages/core/src/tickets/index.ts",
    ]);
    // The allowed imports (chats/list-chats.ts -> ../tickets; a page -> i18n; the web server ->
    // identity) are not among them.
    expect(found.join("\n")).not.toContain("list-chats");
    expect(found.join("\n")).not.toMatch(/i18n|identity/);
  });
});
