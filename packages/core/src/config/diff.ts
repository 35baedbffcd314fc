export type ConfigDiff = Record<string, { from: unknown; to: unknown }>;

function isEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isEqual(item, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (Array.isArray(a) || Array.isArray(b)) return false;
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => isEqual(left[key], right[key]));
  }
  return false;
}

/** The top-level fields whose value changed, each with its old and new value. */
export function diffSectionData(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ConfigDiff {
  const diff: ConfigDiff = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!isEqual(before[key], after[key]))
      diff[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return diff;
}
