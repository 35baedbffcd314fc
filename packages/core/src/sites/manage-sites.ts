import { schema, type Database } from "@guildhall/db";
import { and, count, eq } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError, violatedConstraint } from "../errors";
import { siteNameTaken, type SiteWriteMeta } from "./shared";
import { removeSiteFiles } from "./site-files";
import { requireSite } from "./get-site";
import { assignSiteUser } from "./site-users";

const { sites, siteUsers, streams } = schema;

/** A unique violation in a site write can only be the name (unique per hub). */
function nameTakenOr(error: unknown): unknown {
  return violatedConstraint(error) === null ? error : siteNameTaken();
}

/** Creates a site, optionally with its first users (hub members only); audited. */
export async function createSite(
  db: Database,
  hubId: string,
  input: { name: string; description?: string; userIds?: string[] },
  meta: SiteWriteMeta,
) {
  const userIds = [...new Set(input.userIds ?? [])];
  try {
    return await db.transaction(async (tx) => {
      const [site] = await tx
        .insert(sites)
        .values({ hubId, name: input.name, description: input.description ?? "" })
        .returning();
      if (!site) throw new Error("site insert returned nothing");
      for (const userId of userIds) await assignSiteUser(tx, site, userId, "userIds");
      await recordAudit(tx, {
        hubId,
        action: "site.create",
        targetType: "site",
        targetId: site.id,
        after: { name: site.name, description: site.description, userIds },
        ...meta,
      });
      return site;
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

/** Renames or re-describes a site; audited with the values before and after. */
export async function updateSite(
  db: Database,
  hubId: string,
  siteId: string,
  patch: { name?: string; description?: string },
  meta: SiteWriteMeta,
) {
  try {
    return await db.transaction(async (tx) => {
      const before = await requireSite(tx, hubId, siteId, "update");
      const [after] = await tx
        .update(sites)
        .set({
          name: patch.name ?? before.name,
          description: patch.description ?? before.description,
        })
        .where(and(eq(sites.hubId, hubId), eq(sites.id, siteId)))
        .returning();
      if (!after) throw new AppError("SITE_NOT_FOUND");
      await recordAudit(tx, {
        hubId,
        action: "site.update",
        targetType: "site",
        targetId: siteId,
        before: { name: before.name, description: before.description },
        after: { name: after.name, description: after.description },
        ...meta,
      });
      return after;
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

/**
 * Deletes a site with its stream configurations and user assignments (one
 * transaction, audited), then its stored files.
 */
export async function deleteSite(db: Database, hubId: string, siteId: string, meta: SiteWriteMeta) {
  const deleted = await db.transaction(async (tx) => {
    const site = await requireSite(tx, hubId, siteId, "update");
    const streamRows = await tx
      .delete(streams)
      .where(and(eq(streams.hubId, hubId), eq(streams.siteId, siteId)))
      .returning({ name: streams.name });
    const [assigned] = await tx
      .select({ n: count() })
      .from(siteUsers)
      .where(and(eq(siteUsers.hubId, hubId), eq(siteUsers.siteId, siteId)));
    // site_users rows go with the site (ON DELETE CASCADE).
    await tx.delete(sites).where(and(eq(sites.hubId, hubId), eq(sites.id, siteId)));
    await recordAudit(tx, {
      hubId,
      action: "site.delete",
      targetType: "site",
      targetId: siteId,
      before: {
        name: site.name,
        description: site.description,
        streams: streamRows.map((s) => s.name),
        users: assigned?.n ?? 0,
      },
      ...meta,
    });
    return { site, streams: streamRows.length };
  });
  const filesRemoved = await removeSiteFiles(siteId);
  return { ...deleted, filesRemoved };
}
