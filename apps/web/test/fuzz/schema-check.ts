import { instanceofZodTypeLikeVoid, instanceofZodTypeObject, unwrapZodType } from "trpc-to-openapi";
import type { z } from "zod";

type Schema = z.core.$ZodType;

const coercible = new Set(["number", "boolean", "bigint", "date"]);

/**
 * The schemas trpc-to-openapi switches to coercion for REST calls: the
 * object's members (unwrapped) that are numbers, booleans, bigints or dates,
 * recursively through nested objects, as its `coerceSchema` does.
 */
function coercedByRest(schema: Schema): { _def: { coerce?: boolean } }[] {
  const found: { _def: { coerce?: boolean } }[] = [];
  const walk = (object: { shape: Record<string, unknown> }) => {
    for (const member of Object.values(object.shape)) {
      const unwrapped = unwrapZodType(member as never, false) as unknown as {
        _zod: { def: { type: string } };
        _def: { coerce?: boolean };
      };
      if (coercible.has(unwrapped._zod.def.type)) found.push(unwrapped);
      else if (instanceofZodTypeObject(unwrapped as never)) walk(unwrapped as never);
    }
  };
  const top = unwrapZodType(schema, true);
  if (instanceofZodTypeObject(top)) walk(top);
  return found;
}

/**
 * Whether `input`, as the procedure received it, satisfies `schema`; for REST
 * with the adapter's string coercion, switched on only for this check.
 */
export function acceptedBy(schema: Schema, input: unknown, rest: boolean): boolean {
  // The adapter passes no input at all to procedures without one (the body is not read).
  if (rest && instanceofZodTypeLikeVoid(unwrapZodType(schema, true))) return true;
  const switched = rest ? coercedByRest(schema).filter((s) => !s._def.coerce) : [];
  for (const s of switched) s._def.coerce = true;
  try {
    return (schema as z.ZodType).safeParse(input).success;
  } finally {
    for (const s of switched) s._def.coerce = false;
  }
}
