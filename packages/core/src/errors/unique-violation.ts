/**
 * The constraint a Postgres unique violation (23505) names, or null for any
 * other error: PGlite and postgres.js, raw or wrapped by Drizzle (`cause`).
 */
export function violatedConstraint(error: unknown): string | null {
  const outer = error as { cause?: unknown } | null;
  for (const candidate of [error, outer?.cause]) {
    const e = candidate as { code?: string; constraint_name?: string; constraint?: string } | null;
    if (e?.code === "23505") return e.constraint_name ?? e.constraint ?? "";
  }
  return null;
}
