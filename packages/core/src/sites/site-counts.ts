import { schema, type DbOrTx } from "@guildhall/db";
import { and, count, eq, inArray } from "drizzle-orm";

const { siteUsers, streams, hubMemberships } = schema;

/** Site assignments count only while the user is still a member of the hub. */
export const memberJoin = and(
  eq(hubMemberships.hubId, siteUsers.hubId),
  eq(hubMemberships.userId, siteUsers.userId),
);

export async function countsBySite(db: DbOrTx, hubId: string, siteIds: string[]) {
  if (siteIds.length === 0)
    return { users: new Map<string, number>(), streams: new Map<string, number>() };
  const [userRows, streamRows] = await Promise.all([
    db
      .select({ siteId: siteUsers.siteId, n: count() })
      .from(siteUsers)
      .innerJoin(hubMemberships, memberJoin)
      .where(and(eq(siteUsers.hubId, hubId), inArray(siteUsers.siteId, siteIds)))
      .groupBy(siteUsers.siteId),
    db
      .select({ siteId: streams.siteId, n: count() })
      .from(streams)
      .where(and(eq(streams.hubId, hubId), inArray(streams.siteId, siteIds)))
      .groupBy(streams.siteId),
  ]);
  return {
    users: new Map(userRows.map((r) => [r.siteId, r.n])),
    streams: new Map<string, number>(streamRows.map((r) => [r.siteId, r.n])),
  };
}
