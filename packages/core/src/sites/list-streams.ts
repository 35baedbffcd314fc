import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, count, eq } from "drizzle-orm";
import { AppError } from "../errors";
import { requireSite } from "./get-site";
import type { Stream } from "./site-types";

const { streams } = schema;

/** A site's stream configurations, by name. */
export async function listStreams(db: DbOrTx, hubId: string, siteId: string): Promise<Stream[]> {
  await requireSite(db, hubId, siteId);
  return db
    .select()
    .from(streams)
    .where(and(eq(streams.hubId, hubId), eq(streams.siteId, siteId)))
    .orderBy(asc(streams.name));
}

/** How many streams the hub has and may have (seed 001's group stream limit). */
export async function streamUsage(db: DbOrTx, hubId: string) {
  const [hub] = await db
    .select({ limit: schema.hubs.streamLimit })
    .from(schema.hubs)
    .where(eq(schema.hubs.id, hubId))
    .limit(1);
  if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: hubId });
  const [used] = await db.select({ n: count() }).from(streams).where(eq(streams.hubId, hubId));
  return { used: used?.n ?? 0, limit: hub.limit };
}
