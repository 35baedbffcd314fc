import {
  AppError,
  compiledMessage,
  errorCodes,
  locales,
  type ErrorCode,
  type MessageKey,
} from "@guildhall/core";
import { TRPCError } from "@trpc/server";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { describeError } from "../src";

/**
 * Every error message, rendered through the real error path (AppError ->
 * TRPCError -> describeError, as the formatter and the REST route do) with the
 * parameters its throw site passes, in every language: no `{placeholder}` may
 * be left. The throw sites are read from the source, so a new
 * `new AppError("X", …)` without the parameter its message names fails here.
 */
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const roots = ["packages/api/src", "packages/core/src", "packages/auth/src", "apps/web/src"];

interface ThrowSite {
  where: string;
  code: ErrorCode;
  /** Parameter names passed (object literal keys); null when not an object literal. */
  params: string[] | null;
  fieldKeys: MessageKey[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function literalKeys(node: ts.Expression): string[] | null {
  if (!ts.isObjectLiteralExpression(node)) return null;
  return node.properties.flatMap((p) => {
    if (ts.isSpreadAssignment(p)) return [];
    const name =
      p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
    return name ? [name] : [];
  });
}

/** An identifier's object-literal initializer in the same file (`const params = { … }`), else the node. */
function resolve(node: ts.Expression, source: ts.SourceFile): ts.Expression {
  if (!ts.isIdentifier(node)) return node;
  let found: ts.Expression = node;
  const visit = (n: ts.Node) => {
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.name.text === node.text &&
      n.initializer
    )
      found = n.initializer;
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

/**
 * The codes a code argument can be: a literal, the branches of a conditional,
 * or (a variable) every code literal in its declaration and in the
 * declarations of what that names, e.g. a table of codes.
 */
function possibleCodes(node: ts.Expression, source: ts.SourceFile, depth = 0): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) && n.text in errorCodes) codes.add(n.text as ErrorCode);
    else if (ts.isIdentifier(n) && depth < 2 && n !== node) {
      const declared = resolve(n, source);
      if (declared !== n) for (const c of possibleCodes(declared, source, depth + 1)) codes.add(c);
    }
    ts.forEachChild(n, visit);
  };
  if (ts.isIdentifier(node)) {
    const declared = resolve(node, source);
    if (declared !== node) return possibleCodes(declared, source, depth + 1);
  }
  visit(node);
  return [...codes];
}

function fieldMessageKeys(options: ts.Expression | undefined): MessageKey[] {
  const keys: MessageKey[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) && node.text.includes(".")) keys.push(node.text as MessageKey);
    ts.forEachChild(node, visit);
  };
  if (options && ts.isObjectLiteralExpression(options))
    for (const p of options.properties)
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "fieldErrors")
        visit(p.initializer);
  return keys;
}

function throwSites(): { sites: ThrowSite[]; dynamicCodes: string[] } {
  const sites: ThrowSite[] = [];
  const dynamicCodes: string[] = [];
  for (const root of roots)
    for (const file of sourceFiles(join(repo, root))) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("AppError(")) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isNewExpression(node) && node.expression.getText(source) === "AppError") {
          const [code, params, options] = node.arguments ?? [];
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const where = `${file.slice(repo.length)}:${line}`;
          const codes = code ? possibleCodes(code, source) : [];
          if (!codes.length) dynamicCodes.push(where);
          for (const one of codes)
            sites.push({
              where,
              code: one,
              params: params ? literalKeys(resolve(params, source)) : [],
              fieldKeys: fieldMessageKeys(options),
            });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  return { sites, dynamicCodes };
}

/** A placeholder left, or a count that was not a number ("NaN" is how a plural shows that). */
const leftover = (text: string) => /\{\w+\}|NaN|не число/.test(text);

/** A number for what the messages count or date (plural, number, date), text otherwise. */
function sampleValue(name: string, keys: MessageKey[]): string | number {
  const kinds = keys.map((key) => compiledMessage("en", key).arguments.get(name)?.kind);
  return kinds.some((k) => k === "plural" || k === "number" || k === "date") ? 2 : "value";
}

function render(code: ErrorCode, params: Record<string, string | number>, fieldKeys: MessageKey[]) {
  const cause = new AppError(code, params, {
    fieldErrors: fieldKeys.length ? { f: fieldKeys } : {},
  });
  const error = new TRPCError({ code: errorCodes[code].trpc, cause });
  return locales.map((locale) => describeError(error, locale, "req-1"));
}

describe("error messages", () => {
  const { sites, dynamicCodes } = throwSites();

  it("finds the throw sites", () => {
    expect(sites.length).toBeGreaterThan(150);
  });

  it("fill every placeholder at every throw site, in every language", () => {
    const unfilled: string[] = [];
    for (const site of sites) {
      expect(errorCodes[site.code], site.where).toBeDefined();
      expect(
        site.params,
        `${site.where}: params must be an object literal or a const of one`,
      ).not.toBeNull();
      const keys = [errorCodes[site.code].key, ...site.fieldKeys];
      const params = Object.fromEntries((site.params ?? []).map((n) => [n, sampleValue(n, keys)]));
      for (const body of render(site.code, params, site.fieldKeys)) {
        const texts = [body.message, ...Object.values(body.fieldErrors).flat()];
        for (const text of texts.filter(leftover))
          unfilled.push(`${site.where} ${site.code}: ${text}`);
      }
    }
    expect(unfilled).toEqual([]);
  });

  it("fill the placeholders of codes raised without a throw site (tRPC's own errors)", () => {
    const thrown = new Set(sites.map((s) => s.code));
    const unfilled: string[] = [];
    for (const code of Object.keys(errorCodes) as ErrorCode[]) {
      if (thrown.has(code)) continue;
      const error = new TRPCError({ code: errorCodes[code].trpc });
      for (const locale of locales) {
        const body = describeError(error, locale, "req-1");
        if (leftover(body.message)) unfilled.push(`${code} (${locale}): ${body.message}`);
      }
    }
    expect(unfilled).toEqual([]);
  });

  it("name a missing permission by its label, keeping the key in the details", () => {
    const cause = new AppError(
      "PERMISSION_DENIED",
      { permission: "ticket.manage" },
      { details: { permission: "ticket.manage" } },
    );
    const body = describeError(new TRPCError({ code: "FORBIDDEN", cause }), "ru", "req-1");
    expect(body.message).toBe("Для этого нужно разрешение «Тикеты: управление».");
    expect(body.details).toEqual({ permission: "ticket.manage" });
  });

  it("has no throw site whose code is not a literal", () => {
    expect(dynamicCodes).toEqual([]);
  });
});
