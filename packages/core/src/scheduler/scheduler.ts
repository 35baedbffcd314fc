import { schema, type Database } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";
import { and, eq, lte } from "drizzle-orm";
import { getLogger } from "../logger";

export interface Job {
  name: string;
  everySeconds: number;
  run(db: Database, now: Date): Promise<unknown>;
}

/**
 * Claims a due job: one UPDATE moves its next run forward, and only the
 * instance whose UPDATE matched runs it (once across instances).
 */
async function claim(db: Database, job: Job, now: Date): Promise<boolean> {
  await db
    .insert(schema.scheduledJobs)
    .values({ name: job.name, nextRunAt: now })
    .onConflictDoNothing();
  const claimed = await db
    .update(schema.scheduledJobs)
    .set({ nextRunAt: new Date(now.getTime() + job.everySeconds * 1000), lastRunAt: now })
    .where(and(eq(schema.scheduledJobs.name, job.name), lte(schema.scheduledJobs.nextRunAt, now)))
    .returning({ name: schema.scheduledJobs.name });
  return claimed.length > 0;
}

/** Runs every due job once; returns the names of the jobs this call ran. */
export async function runDueJobs(db: Database, jobs: Job[], now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    if (!(await claim(db, job, now))) continue;
    ran.push(job.name);
    let lastError: string | null = null;
    try {
      const result = await job.run(db, now);
      getLogger().info({ job: job.name, result }, "scheduled job ran");
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      getLogger().error({ job: job.name, err: lastError }, "scheduled job failed");
    }
    await db
      .update(schema.scheduledJobs)
      .set({ lastError })
      .where(eq(schema.scheduledJobs.name, job.name));
  }
  return ran;
}

const holder = processWide("scheduler", (): { timer?: NodeJS.Timeout } => ({}));

/** Checks for due jobs every `tickSeconds` in this process (idempotent; the timer does not keep Node alive). */
export function startScheduler(db: Database, jobs: Job[], tickSeconds = 30): void {
  if (holder.timer) return;
  const tick = () =>
    void runDueJobs(db, jobs).catch((error: unknown) =>
      getLogger().error({ err: String(error) }, "scheduler tick failed"),
    );
  holder.timer = setInterval(tick, tickSeconds * 1000);
  holder.timer.unref();
  tick();
}
