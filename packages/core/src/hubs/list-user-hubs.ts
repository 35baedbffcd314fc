import { and, asc, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";

/** The active hubs a user belongs to, with their role there, by name. */
export function listUserHubs(db: DbOrTx, userId: string) {
  const { hubs, hubMemberships } = schema;
  return db
    .select({
      id: hubs.id,
      slug: hubs.slug,
      name: hubs.name,
      description: hubs.description,
      role: hubMemberships.role,
      joinedAt: hubMemberships.joinedAt,
    })
    .from(hubMemberships)
    .innerJoin(hubs, eq(hubs.id, hubMemberships.hubId))
    .where(and(eq(hubMemberships.userId, userId), isNull(hubs.archivedAt)))
    .orderBy(asc(hubs.name));
}
