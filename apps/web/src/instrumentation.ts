/**
 * Runs once when the server starts: opens the database, applies migrations and
 * seeds the demo hub (printing the admin's credentials the first time), so the
 * first request finds everything ready and problems show at start, not later.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next itself, not a setting
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("@guildhall/core");
  await getDatabase();
}
