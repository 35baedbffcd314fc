import { schema, type Database } from "@guildhall/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { getEnv } from "../env";
import { AppError, violatedConstraint } from "../errors";
import { createHub, type CreateHubInput } from "./create-hub";

export interface HubSettings {
  name?: string;
  description?: string;
  defaultLocale?: string;
  timezone?: string;
  primaryColor?: string | null;
  accentColor?: string | null;
  distanceUnit?: "km" | "mi";
  modules?: string[];
  joinPolicy?: "open" | "application" | "invite";
  /** Seed 001: the group's stream limit is set by instance administrators only. */
  streamLimit?: number;
}

/** Creates a hub for a user when the instance allows it (HUB_CREATION). */
export async function createHubFor(
  db: Database,
  principal: { userId: string; superAdmin: boolean },
  input: Omit<CreateHubInput, "ownerId">,
  meta: { ip?: string | null; requestId?: string | null } = {},
) {
  if (!principal.superAdmin && getEnv().HUB_CREATION !== "everyone")
    throw new AppError("HUB_CREATION_CLOSED");
  try {
    return await db.transaction((tx) =>
      createHub(tx, { ...input, ownerId: principal.userId }, meta),
    );
  } catch (error) {
    if (violatedConstraint(error) !== null)
      throw new AppError(
        "HUB_SLUG_TAKEN",
        { slug: input.slug },
        { fieldErrors: { slug: ["errors.hubSlugTaken"] } },
      );
    throw error;
  }
}

/** Updates hub settings; audited with the fields before and after. */
export async function updateHub(db: Database, actor: HubActor, settings: HubSettings) {
  if (settings.streamLimit !== undefined && !actor.superAdmin)
    throw new AppError("SUPER_ADMIN_REQUIRED");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.hubs).where(eq(schema.hubs.id, actor.hubId));
    if (!before) throw new AppError("HUB_NOT_FOUND", { hub: actor.hubId });
    const changes = Object.fromEntries(
      Object.entries(settings).filter(([, value]) => value !== undefined),
    ) as HubSettings;
    const [after] = await tx
      .update(schema.hubs)
      .set(changes)
      .where(eq(schema.hubs.id, actor.hubId))
      .returning();
    // The audit row names only the fields whose value really changed.
    const keys = (Object.keys(changes) as (keyof HubSettings)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after![k]),
    );
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "hub.update",
      targetType: "hub",
      targetId: actor.hubId,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, after![k]])),
    });
    return after!;
  });
}

/** Archives a hub: it disappears for everyone (reads as not found) until restored. */
export async function archiveHub(db: Database, actor: HubActor) {
  await db.transaction(async (tx) => {
    await tx
      .update(schema.hubs)
      .set({ archivedAt: new Date() })
      .where(eq(schema.hubs.id, actor.hubId));
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "hub.archive",
      targetType: "hub",
      targetId: actor.hubId,
    });
  });
}

/** Restores an archived hub: super admins, or an owner of the hub. */
export async function restoreHub(
  db: Database,
  principal: { userId: string; superAdmin: boolean },
  slug: string,
  meta: { ip?: string | null; requestId?: string | null } = {},
) {
  return db.transaction(async (tx) => {
    const [hub] = await tx
      .select()
      .from(schema.hubs)
      .where(and(eq(schema.hubs.slug, slug.toLowerCase()), isNotNull(schema.hubs.archivedAt)));
    if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: slug });
    if (!principal.superAdmin) {
      const [owner] = await tx
        .select({ userId: schema.hubMemberRoles.userId })
        .from(schema.hubMemberRoles)
        .innerJoin(schema.hubRoles, eq(schema.hubRoles.id, schema.hubMemberRoles.roleId))
        .where(
          and(
            eq(schema.hubMemberRoles.hubId, hub.id),
            eq(schema.hubMemberRoles.userId, principal.userId),
            eq(schema.hubRoles.key, "owner"),
          ),
        );
      if (!owner) throw new AppError("HUB_NOT_FOUND", { hub: slug });
    }
    const [restored] = await tx
      .update(schema.hubs)
      .set({ archivedAt: null })
      .where(eq(schema.hubs.id, hub.id))
      .returning();
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: principal.userId,
      action: "hub.restore",
      targetType: "hub",
      targetId: hub.id,
      ...meta,
    });
    return restored!;
  });
}
