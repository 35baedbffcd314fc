/**
 * Runs once when the server starts: opens the database, applies migrations and
 * seeds the demo hub (printing the admin's credentials the first time), so the
 * first request finds everything ready. If the database cannot be prepared
 * (another process holds the embedded folder, Postgres unreachable) the server
 * says why and exits instead of answering every request with an error.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next itself, not a setting
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("@guildhall/core");
  const { prepareRateLimits } = await import("@guildhall/api");
  try {
    await getDatabase();
    await prepareRateLimits();
  } catch (error) {
    console.error(
      `\nGuildhall cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
