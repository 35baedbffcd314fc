import type { z } from "zod";
import { appRouter } from "../root";
import type { Meta } from "../meta";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta; inputs: z.ZodType[] };
}

/** One procedure of the app router, as the document needs it. */
export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: Meta | undefined;
  /** The last input parser (the procedure's own schema), if any. */
  input: z.ZodType | undefined;
}

/** Every procedure of the app router, by dotted path. */
export function procedureInfos(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(procedures).map(([path, { _def }]) => ({
    path,
    type: _def.type,
    meta: _def.meta,
    input: _def.inputs.at(-1),
  }));
}
