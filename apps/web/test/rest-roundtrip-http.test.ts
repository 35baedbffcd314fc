import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { clientTypes, servedDocument, typesFile } from "../../../examples/rest-roundtrip/generate";
import { roundTrip } from "../../../examples/rest-roundtrip/roundtrip";
import { useServer } from "./support/server";

// Anyone may create a hub here, so a newly registered account can run the whole trip.
const server = useServer({ HUB_CREATION: "everyone" });
const examples = fileURLToPath(new URL("../../../examples", import.meta.url));

describe("a client generated from the served OpenAPI document (examples/rest-roundtrip)", () => {
  it("is generated from exactly the served document", async () => {
    const served = await clientTypes(await servedDocument(server.url));
    expect(served).toBe(readFileSync(typesFile, "utf8"));
  }, 60_000);

  it("compiles with the example that uses it", async () => {
    // Not spawnSync: a blocked event loop would keep sockets the server has closed meanwhile.
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", examples])
      .then(({ stdout, stderr }) => ({ output: stdout + stderr, code: 0 }))
      .catch((error: { stdout?: string; stderr?: string; code?: number }) => ({
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
        code: error.code ?? 1,
      }));
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 180_000);

  it("registers, signs in, opens a ticket, claims it body-less and reads it live over /api/v1/sse", async () => {
    const lines: string[] = [];
    const trip = await roundTrip(server.url, (line) => lines.push(line)).catch((e: unknown) => {
      throw new Error(`after: ${lines.join(" | ")}`, { cause: e });
    });
    expect(trip.claimedBy, lines.join("\n")).toMatch(/^[0-9a-f-]{36}$/);
    expect(trip.events[0]).toBe("ready");
    expect(trip.events.at(-1)).toBe("message.created");
    expect(trip.finalStatus).toBe("closed");
  }, 60_000);
});
