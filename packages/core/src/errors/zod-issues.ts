import type { z } from "zod";
import { translate, type Locale, type MessageKey } from "../i18n";

type Issue = z.core.$ZodIssue;

function sizeOrigin(origin: string): "string" | "array" | "number" {
  return origin === "string" || origin === "array" ? origin : "number";
}

function describe(issue: Issue): { key: MessageKey; params?: Record<string, string | number> } {
  switch (issue.code) {
    case "invalid_type":
      // zod 4 words a missing field as "received undefined".
      if (/received undefined/.test(issue.message)) return { key: "validation.required" };
      return { key: "validation.invalidType", params: { expected: issue.expected } };
    case "too_small": {
      const origin = sizeOrigin(issue.origin);
      return { key: `validation.tooSmall.${origin}`, params: { minimum: Number(issue.minimum) } };
    }
    case "too_big": {
      const origin = sizeOrigin(issue.origin);
      return { key: `validation.tooBig.${origin}`, params: { maximum: Number(issue.maximum) } };
    }
    case "invalid_format":
      if (issue.format === "regex") return { key: "validation.pattern" };
      return { key: "validation.invalidFormat", params: { format: issue.format } };
    case "invalid_value":
      return { key: "validation.invalidValue" };
    case "unrecognized_keys":
      return { key: "validation.unrecognizedKeys", params: { keys: issue.keys.join(", ") } };
    case "custom": {
      // A rule's own message: `ctx.addIssue({ code: "custom", params: { messageKey } })`.
      const key = (issue.params as { messageKey?: MessageKey } | undefined)?.messageKey;
      return { key: key ?? "validation.invalid" };
    }
    default:
      return { key: "validation.invalid" };
  }
}

/** Turns zod issues into `{ "field.path": [translated messages] }` (root issues under "_"). */
export function fieldErrorsFromZod(
  issues: readonly Issue[],
  locale: Locale,
): Record<string, string[]> {
  // A Map: paths like "toString" or "__proto__" must not meet Object.prototype.
  const result = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "_";
    const { key, params } = describe(issue);
    result.set(path, [...(result.get(path) ?? []), translate(locale, key, params)]);
  }
  return Object.fromEntries(result);
}
