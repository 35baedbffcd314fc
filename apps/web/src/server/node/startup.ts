import { prepareRateLimits } from "@guildhall/api";
import { busFor } from "@guildhall/core/realtime";
import { getDatabase } from "@guildhall/core/runtime";
import { jobs, startScheduler } from "@guildhall/core/scheduler";
import { installPeerStamp } from "../peer";

/**
 * Server start, before the port opens: open the database, apply migrations,
 * seed the demo hub (printing the admin's credentials the first time) and
 * connect the rate limiter's Redis, then start the realtime bus (one LISTEN
 * connection per process) and the scheduler (core's scheduler/jobs.ts). If
 * the database cannot be prepared (another process holds the embedded folder,
 * Postgres unreachable) the server says why and exits instead of answering
 * every request with an error.
 */
export async function startServices(): Promise<void> {
  // Every request learns its socket's address (read by Next's copy of peer.ts too).
  installPeerStamp();
  try {
    const handle = await getDatabase();
    await prepareRateLimits();
    await busFor(handle).start();
    startScheduler(handle.db, jobs);
  } catch (error) {
    console.error(
      `\nGuildhall cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
