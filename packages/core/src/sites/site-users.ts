import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import type { SiteWriteMeta } from "./shared";
import { requireSite } from "./get-site";
import type { Site } from "./site-types";

const { siteUsers, hubMemberships } = schema;

/**
 * Assigns a user to a site; only members of the site's hub qualify (seed 001:
 * user and site must share a group). The membership row is share-locked so a
 * concurrent removal from the hub cannot leave a stale assignment behind.
 * Returns false when the user was already assigned.
 */
export async function assignSiteUser(
  tx: DbOrTx,
  site: Site,
  userId: string,
  field = "userId",
): Promise<boolean> {
  const [member] = await tx
    .select({ id: hubMemberships.id })
    .from(hubMemberships)
    .where(and(eq(hubMemberships.hubId, site.hubId), eq(hubMemberships.userId, userId)))
    .limit(1)
    .for("share");
  if (!member)
    throw new AppError("NOT_A_MEMBER", {}, { fieldErrors: { [field]: ["errors.notAMember"] } });
  const inserted = await tx
    .insert(siteUsers)
    .values({ hubId: site.hubId, siteId: site.id, userId })
    .onConflictDoNothing()
    .returning({ userId: siteUsers.userId });
  return inserted.length > 0;
}

/** Adds a hub member to a site (idempotent: `added` is false when already assigned); audited. */
export async function addSiteUser(
  db: Database,
  hubId: string,
  siteId: string,
  userId: string,
  meta: SiteWriteMeta,
) {
  return db.transaction(async (tx) => {
    const site = await requireSite(tx, hubId, siteId, "key share");
    const added = await assignSiteUser(tx, site, userId);
    if (added)
      await recordAudit(tx, {
        hubId,
        action: "site.addUser",
        targetType: "site",
        targetId: siteId,
        after: { userId },
        ...meta,
      });
    return { added };
  });
}

/** Removes a user from a site (idempotent: `removed` is false when not assigned); audited. */
export async function removeSiteUser(
  db: Database,
  hubId: string,
  siteId: string,
  userId: string,
  meta: SiteWriteMeta,
) {
  return db.transaction(async (tx) => {
    await requireSite(tx, hubId, siteId);
    const removed = await tx
      .delete(siteUsers)
      .where(
        and(eq(siteUsers.hubId, hubId), eq(siteUsers.siteId, siteId), eq(siteUsers.userId, userId)),
      )
      .returning({ userId: siteUsers.userId });
    if (removed.length > 0)
      await recordAudit(tx, {
        hubId,
        action: "site.removeUser",
        targetType: "site",
        targetId: siteId,
        before: { userId },
        ...meta,
      });
    return { removed: removed.length > 0 };
  });
}
