import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, count, eq, ne } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError, violatedConstraint } from "../errors";
import { getLogger } from "../logger";
import { getStorage } from "../storage";
import { redactUrl, streamNameTaken, type SiteWriteMeta } from "./shared";
import { siteFilePrefix } from "./site-files";
import { requireSite } from "./get-site";
import type { Stream } from "./site-types";

const { hubs, streams } = schema;

/** What a stream configuration holds (seed 001 StreamConfig); unset fields take the defaults. */
export interface StreamFields {
  name: string;
  videoUrl: string;
  modelKey: string;
  detection?: Record<string, boolean>;
  workStartHour?: number;
  workEndHour?: number;
  expiresAt?: Date | null;
  storeVideo?: boolean;
  storeDetections?: boolean;
}

export const DEFAULT_WORK_START_HOUR = 7;
export const DEFAULT_WORK_END_HOUR = 18;

/** Working hours lie within one day: the end hour (1-24) comes after the start hour (0-23). */
function checkWorkHours(start: number, end: number) {
  if (end <= start)
    throw new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { workEndHour: ["validation.workHours"] } },
    );
}

/** The audit view of a stream: every field, with the video URL's password masked. */
function audited(stream: Stream) {
  const { hubId: _hubId, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = stream;
  return { ...fields, videoUrl: redactUrl(stream.videoUrl) };
}

async function nameInUse(tx: DbOrTx, siteId: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: streams.id })
    .from(streams)
    .where(
      and(
        eq(streams.siteId, siteId),
        eq(streams.name, name),
        exceptId ? ne(streams.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A unique violation in a stream write can only be the name (unique per site). */
function nameTakenOr(error: unknown): unknown {
  return violatedConstraint(error) === null ? error : streamNameTaken();
}

/**
 * Creates a stream configuration within the hub's stream limit. The hub row
 * is locked first, so concurrent creations in one hub take turns: each counts
 * the streams committed before it, and exactly `limit` of them can succeed.
 * (FOR NO KEY UPDATE serializes the creators without blocking inserts that
 * merely reference the hub, such as audit rows.)
 */
export async function createStream(
  db: Database,
  hubId: string,
  siteId: string,
  input: StreamFields,
  meta: SiteWriteMeta,
) {
  const workStartHour = input.workStartHour ?? DEFAULT_WORK_START_HOUR;
  const workEndHour = input.workEndHour ?? DEFAULT_WORK_END_HOUR;
  checkWorkHours(workStartHour, workEndHour);
  try {
    return await db.transaction(async (tx) => {
      const [hub] = await tx
        .select({ limit: hubs.streamLimit })
        .from(hubs)
        .where(eq(hubs.id, hubId))
        .for("no key update");
      if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: hubId });
      await requireSite(tx, hubId, siteId, "key share");
      const [used] = await tx.select({ n: count() }).from(streams).where(eq(streams.hubId, hubId));
      if ((used?.n ?? 0) >= hub.limit)
        throw new AppError(
          "STREAM_LIMIT_REACHED",
          { limit: hub.limit },
          { details: { used: used?.n ?? 0, limit: hub.limit } },
        );
      if (await nameInUse(tx, siteId, input.name)) throw streamNameTaken();
      const [stream] = await tx
        .insert(streams)
        .values({ ...input, hubId, siteId, workStartHour, workEndHour })
        .returning();
      if (!stream) throw new Error("stream insert returned nothing");
      await recordAudit(tx, {
        hubId,
        action: "stream.create",
        targetType: "stream",
        targetId: stream.id,
        after: audited(stream),
        ...meta,
      });
      return stream;
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

/** Changes some fields of a stream configuration; audited with the values before and after. */
export async function updateStream(
  db: Database,
  hubId: string,
  siteId: string,
  streamId: string,
  patch: Partial<StreamFields>,
  meta: SiteWriteMeta,
) {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(streams)
        .where(and(eq(streams.hubId, hubId), eq(streams.siteId, siteId), eq(streams.id, streamId)))
        .limit(1)
        .for("update");
      if (!before) throw new AppError("STREAM_NOT_FOUND");
      checkWorkHours(
        patch.workStartHour ?? before.workStartHour,
        patch.workEndHour ?? before.workEndHour,
      );
      if (patch.name !== undefined && (await nameInUse(tx, siteId, patch.name, streamId)))
        throw streamNameTaken();
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      ) as Partial<StreamFields>;
      const [after] = await tx
        .update(streams)
        .set(defined)
        .where(and(eq(streams.hubId, hubId), eq(streams.id, streamId)))
        .returning();
      if (!after) throw new AppError("STREAM_NOT_FOUND");
      await recordAudit(tx, {
        hubId,
        action: "stream.update",
        targetType: "stream",
        targetId: streamId,
        before: audited(before),
        after: audited(after),
        ...meta,
      });
      return after;
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

/** Where a stream's own files live, inside its site's prefix. */
export function streamFilePrefix(siteId: string, streamId: string): string {
  return `${siteFilePrefix(siteId)}streams/${streamId}/`;
}

/** Deletes a stream configuration (audited), then its stored files. */
export async function deleteStream(
  db: Database,
  hubId: string,
  siteId: string,
  streamId: string,
  meta: SiteWriteMeta,
) {
  const stream = await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(streams)
      .where(and(eq(streams.hubId, hubId), eq(streams.siteId, siteId), eq(streams.id, streamId)))
      .returning();
    if (!deleted) throw new AppError("STREAM_NOT_FOUND");
    await recordAudit(tx, {
      hubId,
      action: "stream.delete",
      targetType: "stream",
      targetId: streamId,
      before: audited(deleted),
      ...meta,
    });
    return deleted;
  });
  await getStorage()
    .deletePrefix(streamFilePrefix(siteId, streamId))
    .catch((error: unknown) =>
      getLogger().warn(
        { err: error instanceof Error ? error.message : String(error), streamId },
        "stream files not removed",
      ),
    );
  return stream;
}
