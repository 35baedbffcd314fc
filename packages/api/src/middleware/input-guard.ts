import { AppError, type FieldErrors } from "@guildhall/core/errors";
import type { Meta } from "../meta";

/**
 * C0 control characters other than tab, line feed and carriage return, and
 * DEL. NUL cannot be stored in Postgres text at all; the others are never
 * meant in names, titles or messages and hide text from people reading it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Inputs nest this deep at most (our schemas need a handful of levels). */
const MAX_DEPTH = 32;

/** A UTF-16 surrogate without its other half: no UTF-8 encoding exists for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/**
 * Where `input` holds text no procedure accepts: strings (and keys) with
 * control characters or unpaired surrogates, or nesting past MAX_DEPTH.
 * Iterative, so hostile nesting cannot exhaust the stack.
 */
export function hostileInputFields(input: unknown): FieldErrors {
  // A Map: input keys like "__proto__" or "toString" must not meet Object.prototype.
  const found = new Map<string, FieldErrors[string]>();
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: input, path: "", depth: 0 },
  ];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (badText(value)) found.set(path || "_", ["errors.controlCharacters"]);
    } else if (value && typeof value === "object") {
      if (depth >= MAX_DEPTH) {
        found.set(path || "_", ["validation.invalid"]);
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (badText(key)) found.set(childPath, ["errors.controlCharacters"]);
        else stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return Object.fromEntries(found);
}

/** The `{name}` parameters of a REST path template, e.g. /hubs/{hubSlug}/sites/{siteId}. */
function pathParameters(meta: Meta | undefined): string[] {
  return [...(meta?.openapi?.path.matchAll(/\{(\w+)\}/g) ?? [])].map((m) => m[1]!);
}

/**
 * REST path parameters arrive as the adapter matched them, still
 * percent-encoded; they are decoded once here, as every HTTP framework does
 * (`/hubs/%64emo` is the hub `demo`, `Bug%20report` the category "Bug report").
 */
export function decodePathParameters(input: unknown, meta: Meta | undefined): unknown {
  const names = pathParameters(meta);
  if (!names.length || !input || typeof input !== "object") return input;
  const decoded: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const failed: FieldErrors = {};
  for (const name of names) {
    const value = decoded[name];
    if (typeof value !== "string") continue;
    try {
      decoded[name] = decodeURIComponent(value);
    } catch {
      failed[name] = ["errors.badPathParameter"];
    }
  }
  if (Object.keys(failed).length)
    throw new AppError("VALIDATION_FAILED", {}, { fieldErrors: failed });
  return decoded;
}
