/**
 * Derives, from the source, which error codes each procedure can answer and
 * the rule text of its doc comment, for the OpenAPI document
 * (src/openapi/procedure-errors.generated.ts; `pnpm --filter @guildhall/api
 * gen:openapi` rewrites it, and a test fails when it is stale).
 *
 * How: the TypeScript checker resolves every value the procedure's
 * declaration refers to (its base procedure and middleware, the core
 * functions it calls, what those call, ...) within our own sources, and
 * collects the error codes thrown on the way: the code of every
 * `new AppError(...)` and every code literal passed where an `ErrorCode` is
 * expected. Codes that a request can meet before any procedure runs (bad
 * bearer, body limits, the global bucket) are added by the document itself.
 * A declaration tagged `@subscriptionsOnly` (the stream-slot middleware)
 * contributes its codes to subscriptions only.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface DerivedProcedure {
  /** The error codes the procedure's code can throw, sorted. */
  codes: string[];
  /** The doc comment of the procedure's declaration: its rules, for the document. */
  doc: string;
}

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = path.resolve(packageDir, "../..");

/**
 * Files whose code literals are tables, not throws: the error table itself,
 * the formatter that maps any error to a code, message catalogues.
 */
const notThrowing = [
  "packages/core/src/errors/",
  "packages/core/src/i18n/",
  "packages/api/src/format-error.ts",
];

function program(): ts.Program {
  const configPath = path.join(packageDir, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  // The app router and what it imports; core's principal resolution (the request-level codes).
  const rootNames = ["src/root.ts", "../core/src/identity/resolve-principal.ts"].map((f) =>
    path.join(packageDir, f),
  );
  return ts.createProgram({ rootNames, options: config.options });
}

function isOurs(file: ts.SourceFile): boolean {
  const relative = path.relative(repoDir, file.fileName);
  return (
    !file.isDeclarationFile &&
    !relative.startsWith("..") &&
    !relative.includes("node_modules") &&
    !/(^|\/)(test|scripts)\//.test(relative) &&
    !notThrowing.some((prefix) => relative.startsWith(prefix))
  );
}

class Deriver {
  readonly checker: ts.TypeChecker;
  private readonly codeNames: Set<string>;
  /** Codes per declaration node, memoized (shared helpers are walked once). */
  private readonly memo = new Map<ts.Node, Set<string>>();

  constructor(readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
    this.codeNames = this.errorCodeNames();
  }

  /** The keys of `errorCodes` in core/errors/codes.ts. */
  private errorCodeNames(): Set<string> {
    const file = this.program
      .getSourceFiles()
      .find((f) => f.fileName.endsWith("packages/core/src/errors/codes.ts"));
    if (!file) throw new Error("packages/core/src/errors/codes.ts is not in the program");
    const names = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === "errorCodes"
      ) {
        let init = node.initializer;
        while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)))
          init = init.expression;
        if (init && ts.isObjectLiteralExpression(init))
          for (const property of init.properties)
            if (property.name && ts.isIdentifier(property.name)) names.add(property.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    if (!names.size) throw new Error("no error codes found in codes.ts");
    return names;
  }

  /** The declarations a value reference leads to, within our sources. */
  private targets(node: ts.Node): ts.Node[] {
    // `{ health }`: the value named, not the property it makes.
    let symbol =
      ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
        ? this.checker.getShorthandAssignmentValueSymbol(node.parent)
        : this.checker.getSymbolAtLocation(node);
    if (!symbol) return [];
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return (symbol.declarations ?? []).filter(
      (d) =>
        isOurs(d.getSourceFile()) &&
        (ts.isFunctionDeclaration(d) ||
          ts.isVariableDeclaration(d) ||
          ts.isMethodDeclaration(d) ||
          ts.isPropertyAssignment(d) ||
          ts.isShorthandPropertyAssignment(d) ||
          ts.isClassDeclaration(d) ||
          ts.isGetAccessorDeclaration(d)),
    );
  }

  /** Whether a string literal is an error code used as one (thrown or passed as `ErrorCode`). */
  private isCodeUse(literal: ts.StringLiteralLike): boolean {
    if (!this.codeNames.has(literal.text)) return false;
    for (let node: ts.Node = literal; node.parent; node = node.parent) {
      const parent = node.parent;
      if (ts.isNewExpression(parent) && parent.arguments?.[0] === node)
        return parent.expression.getText() === "AppError";
      if (!ts.isConditionalExpression(parent) && !ts.isParenthesizedExpression(parent)) break;
    }
    const contextual = this.checker.getContextualType(literal);
    return !!contextual && /\bErrorCode\b/.test(this.checker.typeToString(contextual));
  }

  /** Every code reachable from `root` (a declaration), following references depth-first; "stream:" marks codes only subscriptions meet. */
  codesOf(root: ts.Node): Set<string> {
    const known = this.memo.get(root);
    if (known) return known;
    const codes = new Set<string>();
    // Set before walking: a cycle (recursion) sees what is known so far.
    this.memo.set(root, codes);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) && this.isCodeUse(node)) codes.add(node.text);
      if (ts.isIdentifier(node) && !ts.isTypeNode(node.parent) && node !== nameOf(root))
        for (const target of this.targets(node)) {
          if (target === root) continue;
          const streamOnly = ts
            .getJSDocTags(target)
            .some((t) => t.tagName.text === "subscriptionsOnly");
          for (const code of this.codesOf(target))
            codes.add(streamOnly && !code.startsWith("stream:") ? `stream:${code}` : code);
        }
      // Types carry no throws.
      if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
        return;
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(root, visit);
    return codes;
  }

  /** The declaration an expression names (an imported procedure or router), followed through aliases. */
  declarationOf(expression: ts.Expression): ts.VariableDeclaration | undefined {
    const node = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
    return this.targets(node).find(ts.isVariableDeclaration);
  }

  /** The declaration of `name` exported by the source file ending in `file`. */
  exported(file: string, name: string): ts.Node {
    const source = this.program.getSourceFiles().find((f) => f.fileName.endsWith(file));
    const symbol = source && this.checker.getSymbolAtLocation(source);
    const target = symbol && this.checker.getExportsOfModule(symbol).find((s) => s.name === name);
    const declaration = target?.declarations?.[0];
    if (!declaration) throw new Error(`${name} is not exported by ${file}`);
    return declaration;
  }

  doc(declaration: ts.VariableDeclaration): string {
    const symbol = this.checker.getSymbolAtLocation(declaration.name);
    return ts.displayPartsToString(symbol?.getDocumentationComment(this.checker) ?? []).trim();
  }
}

function nameOf(node: ts.Node): ts.Node | undefined {
  return "name" in node ? (node.name as ts.Node) : undefined;
}

/** `router({ ... })`'s object literal, if `initializer` is one. */
function routerObject(initializer: ts.Expression | undefined): ts.ObjectLiteralExpression | null {
  if (!initializer || !ts.isCallExpression(initializer)) return null;
  if (initializer.expression.getText() !== "router") return null;
  const [arg] = initializer.arguments;
  return arg && ts.isObjectLiteralExpression(arg) ? arg : null;
}

export interface Derived {
  /** Codes any request can meet before its procedure runs: resolving the bearer token. */
  request: string[];
  /** Every procedure of the app router (`tickets.claim`, ...) with its derived codes and doc. */
  procedures: Record<string, DerivedProcedure>;
}

export function deriveProcedureErrors(): Derived {
  const deriver = new Deriver(program());
  const request = [
    ...deriver.codesOf(
      deriver.exported("packages/core/src/identity/resolve-principal.ts", "resolvePrincipal"),
    ),
  ].sort();
  const root = deriver.program
    .getSourceFiles()
    .find((f) => f.fileName === path.join(packageDir, "src/root.ts"));
  if (!root) throw new Error("src/root.ts is not in the program");
  let app: ts.ObjectLiteralExpression | null = null;
  root.forEachChild((statement) => {
    if (!ts.isVariableStatement(statement)) return;
    for (const d of statement.declarationList.declarations)
      if (ts.isIdentifier(d.name) && d.name.text === "appRouter") app = routerObject(d.initializer);
  });
  if (!app) throw new Error("appRouter = router({...}) not found in src/root.ts");

  const out: Record<string, DerivedProcedure> = {};
  const walk = (object: ts.ObjectLiteralExpression, prefix: string): void => {
    for (const property of object.properties) {
      const name = property.name?.getText();
      const value = ts.isPropertyAssignment(property)
        ? property.initializer
        : ts.isShorthandPropertyAssignment(property)
          ? property.name
          : undefined;
      if (!name || !value) throw new Error(`unsupported router entry at ${prefix}${name ?? "?"}`);
      const inline = routerObject(value);
      const declaration = inline ? undefined : deriver.declarationOf(value);
      const nested = inline ?? routerObject(declaration?.initializer);
      if (nested) {
        walk(nested, `${prefix}${name}.`);
        continue;
      }
      if (!declaration) throw new Error(`cannot resolve the procedure ${prefix}${name}`);
      const subscription = /\.subscription\(/.test(declaration.initializer?.getText() ?? "");
      const codes = new Set<string>();
      for (const code of deriver.codesOf(declaration)) {
        if (!code.startsWith("stream:")) codes.add(code);
        else if (subscription) codes.add(code.slice("stream:".length));
      }
      out[`${prefix}${name}`] = {
        codes: [...codes].sort(),
        doc: deriver.doc(declaration),
      };
    }
  };
  walk(app, "");
  const procedures = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  return { request, procedures };
}

/** The generated module's text (before formatting). */
export function generatedModule(derived: Derived): string {
  return [
    "// Generated by packages/api/scripts/procedure-errors.ts (pnpm --filter @guildhall/api gen:openapi).",
    "// Do not edit: change the procedures' doc comments or code and regenerate; a test fails when this is stale.",
    'import type { ErrorCode } from "@guildhall/core/errors";',
    "",
    "/** Codes any request can meet before its procedure runs (resolving the bearer token). */",
    `export const requestErrors: readonly ErrorCode[] = ${JSON.stringify(derived.request)};`,
    "",
    "/** Per procedure: the error codes its code can throw, and its doc comment. */",
    `export const procedureErrors: Record<string, { codes: readonly ErrorCode[]; doc: string }> = ${JSON.stringify(derived.procedures, null, 2)};`,
    "",
  ].join("\n");
}

export const generatedPath = path.join(packageDir, "src/openapi/procedure-errors.generated.ts");
