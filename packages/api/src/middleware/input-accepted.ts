/** What this needs of a Standard Schema (zod implements it). */
interface StandardSchema {
  "~standard"?: {
    validate(value: unknown): { issues?: unknown } | Promise<{ issues?: unknown }>;
  };
}

interface ProcedureInputs {
  _def: { inputs: unknown[] };
}

/**
 * Whether the input schemas of the procedure at `path` accept `raw`, checked
 * ahead of the input parser (which still runs and answers the refusal). The
 * router is imported when first needed: it imports the procedures, which
 * import this middleware. A path the router does not know (a caller built on
 * a sub-router) counts as accepted, so its quota is never skipped.
 */
export async function inputAccepted(path: string, raw: unknown): Promise<boolean> {
  const { appRouter } = await import("../root");
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureInputs>;
  const procedure = procedures[path];
  for (const schema of procedure?._def.inputs ?? []) {
    const standard = (schema as StandardSchema)["~standard"];
    if (!standard) continue;
    const result = await standard.validate(raw);
    if (result.issues) return false;
  }
  return true;
}
