import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, count, eq, gt, isNotNull, isNull } from "drizzle-orm";

/** Every hub of the instance (super admins), by slug, with member counts; archived ones on request. */
export async function listAllHubs(
  db: DbOrTx,
  q: { archived?: boolean; after?: string; limit: number },
) {
  const { hubs, hubMemberships } = schema;
  const members = db
    .select({ hubId: hubMemberships.hubId, members: count().as("members") })
    .from(hubMemberships)
    .groupBy(hubMemberships.hubId)
    .as("members");
  const rows = await db
    .select({
      id: hubs.id,
      slug: hubs.slug,
      name: hubs.name,
      joinPolicy: hubs.joinPolicy,
      streamLimit: hubs.streamLimit,
      archivedAt: hubs.archivedAt,
      createdAt: hubs.createdAt,
      members: members.members,
    })
    .from(hubs)
    .leftJoin(members, eq(members.hubId, hubs.id))
    .where(
      and(
        q.archived ? isNotNull(hubs.archivedAt) : isNull(hubs.archivedAt),
        q.after ? gt(hubs.slug, q.after) : undefined,
      ),
    )
    .orderBy(asc(hubs.slug))
    .limit(q.limit + 1);
  const items = rows
    .slice(0, q.limit)
    .map((row) => ({ ...row, members: Number(row.members ?? 0) }));
  return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.slug : null };
}
