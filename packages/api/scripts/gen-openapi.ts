/** Rewrites src/openapi/procedure-errors.generated.ts from the source (see procedure-errors.ts). */
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { deriveProcedureErrors, generatedModule, generatedPath } from "./procedure-errors";

const text = generatedModule(deriveProcedureErrors());
const options = (await resolveConfig(generatedPath)) ?? {};
writeFileSync(generatedPath, await format(text, { ...options, filepath: generatedPath }));
console.log(`wrote ${generatedPath}`);
