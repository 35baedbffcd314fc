import { z } from "zod";

/** The largest value of a Postgres `integer` column. */
export const INT32_MAX = 2 ** 31 - 1;

/**
 * An integer that fits a Postgres `integer` column (a JSON body's number).
 * Inputs are bounded by what their column holds, so a too-large number fails
 * validation with its field named, not the query (input-bounds.test.ts holds
 * every procedure to it).
 */
export const int32 = (min = 0) => z.number().int().min(min).max(INT32_MAX);

/** The same, read from text: REST query and path parameters. */
export const int32Param = (min = 0) => z.coerce.number().int().min(min).max(INT32_MAX);

/**
 * The rule for updates (PATCH): a request must name at least one field to
 * change; one that names none is a VALIDATION_FAILED ("_": nothing to change),
 * never a no-op write. `identifiers` are the keys that say what to update
 * (hub, ids), not what to change.
 */
export function requireChange<T extends z.ZodObject>(schema: T, identifiers: readonly string[]): T {
  return schema.superRefine((input, ctx) => {
    const changes = Object.entries(input as Record<string, unknown>).filter(
      ([key, value]) => value !== undefined && !identifiers.includes(key),
    );
    if (changes.length === 0)
      ctx.addIssue({ code: "custom", path: [], params: { messageKey: "errors.nothingToChange" } });
  });
}
