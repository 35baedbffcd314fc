import { processWide } from "@guildhall/process-wide";

/** What this needs of a Standard Schema (zod implements it). */
interface StandardSchema {
  "~standard"?: {
    validate(value: unknown): { issues?: unknown } | Promise<{ issues?: unknown }>;
  };
}

interface ProcedureInputs {
  _def: { inputs: unknown[] };
}

interface RouterProcedures {
  _def: { procedures: object };
}

/** The procedures by path, registered by the root router (which imports this file's users). */
const registry = () => processWide("api.input-accepted", () => ({ procedures: {} }));

/** Called by root.ts (the app router) and the browser router, so this middleware need not import them. */
export function registerProcedures(router: RouterProcedures): void {
  Object.assign(registry().procedures, router._def.procedures);
}

/**
 * Whether the input schemas of the procedure at `path` accept `raw`, checked
 * ahead of the input parser (which still runs and answers the refusal). A path
 * the registered router does not know (a caller built on a sub-router) counts
 * as accepted, so its quota is never skipped.
 */
export async function inputAccepted(path: string, raw: unknown): Promise<boolean> {
  const procedures = registry().procedures as Record<string, ProcedureInputs | undefined>;
  const procedure = procedures[path];
  for (const schema of procedure?._def.inputs ?? []) {
    const standard = (schema as StandardSchema)["~standard"];
    if (!standard) continue;
    const result = await standard.validate(raw);
    if (result.issues) return false;
  }
  return true;
}
