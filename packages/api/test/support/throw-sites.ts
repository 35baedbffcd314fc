import { errorCodes, type ErrorCode } from "@guildhall/core/errors";
import { type MessageKey } from "@guildhall/core/i18n";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * The `new AppError(code, params, options)` sites of our source, read with the
 * TypeScript parser (error-messages.test.ts renders each; not-found-codes.test.ts
 * checks which codes they use).
 */
export const repo = fileURLToPath(new URL("../../../..", import.meta.url));
export const roots = ["packages/api/src", "packages/core/src", "packages/auth/src", "apps/web/src"];

export interface ThrowSite {
  where: string;
  code: ErrorCode;
  /** Parameter names passed (object literal keys); null when not an object literal. */
  params: string[] | null;
  fieldKeys: MessageKey[];
}

export function sourceFiles(dir: string): string[] {
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

export function throwSites(): { sites: ThrowSite[]; dynamicCodes: string[] } {
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
