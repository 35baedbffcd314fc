import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import type { HubActor } from "../access";

/**
 * Ends a membership inside the caller's transaction: roles go (into the role
 * history as revoked), site assignments go, then the membership row.
 */
export async function removeMembership(
  tx: DbOrTx,
  actor: Pick<HubActor, "hubId" | "userId">,
  userId: string,
) {
  const held = await tx
    .select({ key: schema.hubRoles.key })
    .from(schema.hubMemberRoles)
    .innerJoin(schema.hubRoles, eq(schema.hubRoles.id, schema.hubMemberRoles.roleId))
    .where(
      and(eq(schema.hubMemberRoles.hubId, actor.hubId), eq(schema.hubMemberRoles.userId, userId)),
    );
  if (held.length > 0)
    await tx.insert(schema.roleHistory).values(
      held.map((role) => ({
        hubId: actor.hubId,
        userId,
        roleKey: role.key,
        action: "revoke" as const,
        actorId: actor.userId,
      })),
    );
  await tx
    .delete(schema.hubMemberRoles)
    .where(
      and(eq(schema.hubMemberRoles.hubId, actor.hubId), eq(schema.hubMemberRoles.userId, userId)),
    );
  await tx
    .delete(schema.siteUsers)
    .where(and(eq(schema.siteUsers.hubId, actor.hubId), eq(schema.siteUsers.userId, userId)));
  await tx
    .delete(schema.hubMemberships)
    .where(
      and(eq(schema.hubMemberships.hubId, actor.hubId), eq(schema.hubMemberships.userId, userId)),
    );
  return held.map((role) => role.key);
}
