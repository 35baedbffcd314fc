import { prepareRateLimits } from "@guildhall/api";
import { busFor } from "@guildhall/core/realtime";
import { getDatabase } from "@guildhall/core/runtime";
import { jobs, startScheduler } from "@guildhall/core/scheduler";
import { guardServer } from "~/server/server-guard";
import { installPeerStamp } from "~/server/peer";

/**
 * Server start (Node runtime): open the database, apply migrations, seed the
 * demo hub (printing the admin's credentials the first time) and connect the
 * rate limiter's Redis, then start the scheduler (the jobs listed in core's
 * scheduler/jobs.ts). If the database cannot be prepared (another process holds
 * the embedded folder, Postgres unreachable) the server says why and exits
 * instead of answering every request with an error.
 */
export async function startNode(): Promise<void> {
  // Before the first request: every request learns its socket's address, and
  // requests Next cannot handle (TRACE) are answered before it sees them.
  installPeerStamp();
  guardServer();
  try {
    const handle = await getDatabase();
    const { db } = handle;
    await prepareRateLimits();
    // One LISTEN connection per process for realtime subscriptions.
    await busFor(handle).start();
    startScheduler(db, jobs);
  } catch (error) {
    console.error(
      `\nGuildhall cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
