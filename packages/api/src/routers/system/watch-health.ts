import { getHealth } from "@guildhall/core/health";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

const input = z
  .object({
    /** Seconds between updates. */
    intervalSeconds: z.coerce.number().int().min(1).max(60).default(5),
    /** Sent back by the client on reconnect; updates are counted from it. */
    lastEventId: z.string().regex(/^\d+$/).nullish(),
  })
  .default({ intervalSeconds: 5 });

/** Waits `ms`, or less when `signal` aborts; leaves no listener behind either way. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Live health for status pages: one event now, then one per interval.
 * Each event carries a sequence id, so a reconnecting client continues the count.
 */
export const watchHealth = publicProcedure
  .meta({
    summary: "Watch the instance's health",
    events: {
      health: "Each frame's data is the health object, as `GET /health` answers it (tracked)",
    },
  })
  .input(input)
  .subscription(async function* ({ ctx, input, signal }) {
    let sequence = input.lastEventId ? Number(input.lastEventId) : 0;
    while (!signal?.aborted) {
      sequence += 1;
      yield tracked(String(sequence), await getHealth(ctx.db, ctx.dbKind));
      await sleep(input.intervalSeconds * 1000, signal);
    }
  });
