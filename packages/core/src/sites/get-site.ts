import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { AppError } from "../errors";
import { listSiteUsers } from "./list-site-users";
import { countsBySite } from "./site-counts";
import type { Site } from "./site-types";

const { sites } = schema;

/**
 * The site with this id in this hub; a site of another hub is SITE_NOT_FOUND like a
 * missing one. Writes that attach rows to the site pass `lock` (in a
 * transaction), so a concurrent deletion waits for them or they see it gone.
 */
export async function requireSite(
  db: DbOrTx,
  hubId: string,
  siteId: string,
  lock?: "key share" | "update",
): Promise<Site> {
  const query = db
    .select()
    .from(sites)
    .where(and(eq(sites.hubId, hubId), eq(sites.id, siteId)))
    .limit(1);
  const [site] = lock ? await query.for(lock) : await query;
  if (!site) throw new AppError("SITE_NOT_FOUND");
  return site;
}

/** One site with its assigned users and stream count. */
export async function getSite(db: DbOrTx, hubId: string, siteId: string) {
  const site = await requireSite(db, hubId, siteId);
  const [assigned, counts] = await Promise.all([
    listSiteUsers(db, hubId, siteId),
    countsBySite(db, hubId, [siteId]),
  ]);
  return { ...site, users: assigned, streamCount: counts.streams.get(siteId) ?? 0 };
}
