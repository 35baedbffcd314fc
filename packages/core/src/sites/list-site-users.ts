import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, eq } from "drizzle-orm";
import { memberJoin } from "./site-counts";

const { siteUsers, hubMemberships, users } = schema;

/** The users assigned to a site (hub members only), by username. */
export async function listSiteUsers(db: DbOrTx, hubId: string, siteId: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      addedAt: siteUsers.addedAt,
    })
    .from(siteUsers)
    .innerJoin(hubMemberships, memberJoin)
    .innerJoin(users, eq(users.id, siteUsers.userId))
    .where(and(eq(siteUsers.hubId, hubId), eq(siteUsers.siteId, siteId)))
    .orderBy(asc(users.username));
}
