import type { z } from "zod";
import type { Meta } from "../meta";
import { appRouter } from "../root";

export type ProcedureKind = "query" | "mutation" | "subscription";

export interface ActionProcedure {
  path: string;
  kind: ProcedureKind;
  meta: Meta | undefined;
  /** The procedure's own input schema (the last parser), if it takes input. */
  input: z.ZodType | undefined;
  /** Its output schema (`.output()`); subscriptions have none. */
  output: z.ZodType | undefined;
}

interface ProcedureDef {
  _def: { type: ProcedureKind; meta?: Meta; inputs: z.ZodType[]; output?: z.ZodType };
}

// Flat at run time: keyed by the full path, e.g. `hubs.get`. Only the app router: the
// browser router (cookies, sign-in pages) is not reachable over the socket.
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

function info(path: string, { _def }: ProcedureDef): ActionProcedure {
  return { path, kind: _def.type, meta: _def.meta, input: _def.inputs.at(-1), output: _def.output };
}

/**
 * The procedure at `path`, or undefined. An own key only: an action named
 * `toString` or `__proto__` must not find Object.prototype's members.
 */
export function procedureAt(path: string): ActionProcedure | undefined {
  if (!Object.hasOwn(procedures, path)) return undefined;
  return info(path, procedures[path]!);
}

/** Every procedure of the app router, sorted by path (the schemas and the document list them so). */
export function actionProcedures(): ActionProcedure[] {
  return Object.keys(procedures)
    .sort()
    .map((path) => info(path, procedures[path]!));
}

/** The largest upload limit of any procedure (`meta.bodyLimitBytes`), read once: the router is fixed. */
export const largestUploadBytes = Math.max(
  0,
  ...Object.values(procedures).map(({ _def }) => _def.meta?.bodyLimitBytes ?? 0),
);
