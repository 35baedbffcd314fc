import { prepareRateLimits } from "@guildhall/api";
import { getDatabase } from "@guildhall/core";

/**
 * Server start (Node runtime): open the database, apply migrations, seed the
 * demo hub (printing the admin's credentials the first time) and connect the
 * rate limiter's Redis. If the database cannot be prepared (another process
 * holds the embedded folder, Postgres unreachable) the server says why and
 * exits instead of answering every request with an error.
 */
export async function startNode(): Promise<void> {
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
