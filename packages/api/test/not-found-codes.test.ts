import { errorCodes, type ErrorCode } from "@guildhall/core/errors";
import { locales, translate } from "@guildhall/core/i18n";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repo, roots, sourceFiles, throwSites } from "./support/throw-sites";

/**
 * One pattern for "not found" (issue 15, item 5): every resource answers its
 * own `<RESOURCE>_NOT_FOUND` (404, translated in every language), and the bare
 * NOT_FOUND is left for a path or procedure that does not exist.
 */
const codes = Object.keys(errorCodes) as ErrorCode[];
const notFoundCodes = codes.filter((code) => code.endsWith("_NOT_FOUND"));

/**
 * The only places that may raise tRPC's bare NOT_FOUND: each answers a route
 * that does not exist, never a missing object.
 */
const unknownRouteSites: Record<string, string> = {
  "packages/api/src/sse/stream.ts": "an SSE path that names no subscription",
  "apps/web/src/server/handlers/rest.ts": "a REST path that names no operation",
};

/** `new TRPCError({ code: "NOT_FOUND", … })` sites, as `file:line`. */
function bareTrpcNotFound(): string[] {
  const found: string[] = [];
  for (const root of roots)
    for (const file of sourceFiles(`${repo}${root}`)) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("TRPCError(")) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isNewExpression(node) && node.expression.getText(source) === "TRPCError") {
          const [options] = node.arguments ?? [];
          const code =
            options && ts.isObjectLiteralExpression(options)
              ? options.properties.find(
                  (p): p is ts.PropertyAssignment =>
                    ts.isPropertyAssignment(p) && p.name.getText(source) === "code",
                )?.initializer
              : undefined;
          if (code && ts.isStringLiteral(code) && code.text === "NOT_FOUND") {
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            found.push(`${file.slice(repo.length)}:${line}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  return found;
}

describe("not-found codes", () => {
  it("are one per resource, 404, and the only 404s besides the bare NOT_FOUND", () => {
    expect(notFoundCodes.length).toBeGreaterThan(15);
    for (const code of notFoundCodes) {
      expect(errorCodes[code].http, code).toBe(404);
      expect(errorCodes[code].trpc, code).toBe("NOT_FOUND");
    }
    const other404 = codes.filter((c) => errorCodes[c].http === 404 && !c.endsWith("_NOT_FOUND"));
    expect(other404).toEqual(["NOT_FOUND"]);
  });

  it("have their own message in every language", () => {
    for (const code of notFoundCodes) {
      const key = errorCodes[code].key;
      for (const locale of locales) {
        const text = translate(locale, key, { hub: "alpha", feature: "beta" });
        expect(text, `${code} (${locale})`).not.toBe(key);
        expect(text.length, `${code} (${locale})`).toBeGreaterThan(5);
        // Not the generic "Not found." of unknown routes: it says what is missing.
        expect(text, `${code} (${locale})`).not.toBe(translate(locale, "errors.notFound"));
      }
    }
  });

  it("leave no AppError throw site on the bare NOT_FOUND", () => {
    const { sites } = throwSites();
    expect(sites.length).toBeGreaterThan(150);
    expect(sites.filter((s) => s.code === "NOT_FOUND").map((s) => s.where)).toEqual([]);
  });

  it("raise tRPC's bare NOT_FOUND only for routes that do not exist", () => {
    const sites = bareTrpcNotFound();
    const files = sites.map((where) => where.replace(/:\d+$/, ""));
    expect(files.filter((file) => !(file in unknownRouteSites))).toEqual([]);
    // Every allowed site is still there (a stale entry would hide nothing).
    expect([...new Set(files)].sort()).toEqual(Object.keys(unknownRouteSites).sort());
  });
});
