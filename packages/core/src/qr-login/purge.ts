import { schema, type Database } from "@guildhall/db";
import { inArray, lt } from "drizzle-orm";
import { deleteStreams } from "../realtime";
import { qrLoginStream } from "./rules";

const DAY = 86_400_000;
const BATCH = 1000;

/**
 * Deletes requests that expired more than a day ago, with their event
 * streams (scheduler job). The day keeps recent ones for support questions.
 */
export async function purgeExpiredQrLogins(db: Database, now = new Date()): Promise<number> {
  const t = schema.qrLoginRequests;
  const cutoff = new Date(now.getTime() - DAY);
  let deleted = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = tx.select({ id: t.id }).from(t).where(lt(t.expiresAt, cutoff)).limit(BATCH);
      const gone = await tx.delete(t).where(inArray(t.id, due)).returning({ id: t.id });
      if (gone.length === 0) return 0;
      await deleteStreams(
        tx,
        gone.map((row) => qrLoginStream(row.id)),
      );
      return gone.length;
    });
    deleted += count;
    if (count < BATCH) return deleted;
  }
}
