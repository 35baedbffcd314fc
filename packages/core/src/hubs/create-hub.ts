import { schema, type DbOrTx } from "@guildhall/db";
import { recordAudit } from "../access";
import { createDefaultRoles } from "../roles";

export interface CreateHubInput {
  slug: string;
  name: string;
  description?: string;
  defaultLocale?: string;
  timezone?: string;
  ownerId: string;
}

/** Creates a hub with its default roles and its owner as first member; audited. Run inside a transaction. */
export async function createHub(
  tx: DbOrTx,
  input: CreateHubInput,
  meta: { ip?: string | null; requestId?: string | null } = {},
) {
  const [hub] = await tx
    .insert(schema.hubs)
    .values({
      slug: input.slug.toLowerCase(),
      name: input.name,
      description: input.description ?? "",
      defaultLocale: input.defaultLocale ?? "en",
      timezone: input.timezone ?? "UTC",
    })
    .returning();
  if (!hub) throw new Error("hub insert returned nothing");
  const roles = await createDefaultRoles(tx, hub.id);
  await tx.insert(schema.hubMemberships).values({ hubId: hub.id, userId: input.ownerId });
  await tx
    .insert(schema.hubMemberRoles)
    .values({ hubId: hub.id, userId: input.ownerId, roleId: roles.owner });
  await tx
    .insert(schema.roleHistory)
    .values({ hubId: hub.id, userId: input.ownerId, roleKey: "owner", action: "grant" });
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: input.ownerId,
    action: "hub.create",
    targetType: "hub",
    targetId: hub.id,
    after: { slug: hub.slug, name: hub.name },
    ...meta,
  });
  return hub;
}
