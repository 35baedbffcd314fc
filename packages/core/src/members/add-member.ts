import { schema, type DbOrTx } from "@guildhall/db";
import { NEW_MEMBER_ROLE } from "@guildhall/permissions";
import { and, eq } from "drizzle-orm";
import { AppError } from "../errors";

/**
 * Makes a user a member with one role (by id, or by key; default "member"),
 * and writes the grant into the role history. Run inside a transaction.
 */
export async function addMember(
  tx: DbOrTx,
  input: {
    hubId: string;
    userId: string;
    roleId?: string | null;
    roleKey?: string;
    actorId?: string | null;
  },
) {
  const [role] = await tx
    .select({ id: schema.hubRoles.id, key: schema.hubRoles.key })
    .from(schema.hubRoles)
    .where(
      and(
        eq(schema.hubRoles.hubId, input.hubId),
        input.roleId
          ? eq(schema.hubRoles.id, input.roleId)
          : eq(schema.hubRoles.key, input.roleKey ?? NEW_MEMBER_ROLE),
      ),
    )
    .limit(1);
  if (!role) throw new AppError("ROLE_NOT_FOUND");
  const inserted = await tx
    .insert(schema.hubMemberships)
    .values({ hubId: input.hubId, userId: input.userId })
    .onConflictDoNothing()
    .returning({ id: schema.hubMemberships.id });
  if (inserted.length === 0) throw new AppError("ALREADY_MEMBER");
  await tx.insert(schema.hubMemberRoles).values({
    hubId: input.hubId,
    userId: input.userId,
    roleId: role.id,
    grantedBy: input.actorId ?? null,
  });
  await tx.insert(schema.roleHistory).values({
    hubId: input.hubId,
    userId: input.userId,
    roleKey: role.key,
    action: "grant",
    actorId: input.actorId ?? null,
  });
  return { membershipId: inserted[0]!.id, roleKey: role.key };
}
