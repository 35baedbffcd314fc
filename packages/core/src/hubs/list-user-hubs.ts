import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";

/** The active hubs a user belongs to, with their highest role there, by name. */
export function listUserHubs(db: DbOrTx, userId: string) {
  const { hubs, hubMemberships, hubMemberRoles, hubRoles } = schema;
  const topRole = sql<string | null>`(
    select ${hubRoles.key} from ${hubMemberRoles}
    join ${hubRoles} on ${hubRoles.id} = ${hubMemberRoles.roleId}
    where ${hubMemberRoles.hubId} = ${hubs.id} and ${hubMemberRoles.userId} = ${userId}
    order by ${hubRoles.position} desc limit 1)`;
  return db
    .select({
      id: hubs.id,
      slug: hubs.slug,
      name: hubs.name,
      description: hubs.description,
      role: topRole,
      joinedAt: hubMemberships.joinedAt,
    })
    .from(hubMemberships)
    .innerJoin(hubs, eq(hubs.id, hubMemberships.hubId))
    .where(and(eq(hubMemberships.userId, userId), isNull(hubs.archivedAt)))
    .orderBy(asc(hubs.name));
}
