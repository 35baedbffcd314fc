import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import { auditFields, settingSnapshot, type ChangeMeta } from "./audit-meta";

const { features, hubFeatures } = schema;

export type Feature = typeof features.$inferSelect;

/** The instance's catalogue, by key, with how many hubs have each feature enabled. */
export function listFeatures(db: DbOrTx) {
  return db
    .select({
      key: features.key,
      name: features.name,
      description: features.description,
      createdAt: features.createdAt,
      updatedAt: features.updatedAt,
      enabledHubs:
        sql<number>`count(${hubFeatures.id}) filter (where ${hubFeatures.enabled})`.mapWith(Number),
    })
    .from(features)
    .leftJoin(hubFeatures, eq(hubFeatures.featureKey, features.key))
    .groupBy(features.key)
    .orderBy(asc(features.key));
}

async function existing(tx: DbOrTx, key: string): Promise<Feature> {
  const [row] = await tx.select().from(features).where(eq(features.key, key)).limit(1);
  if (!row) throw new AppError("FEATURE_NOT_FOUND", { feature: key });
  return row;
}

/** Adds a feature to the catalogue (off in every hub until a hub enables it); audited. */
export function createFeature(
  db: Database,
  input: { key: string; name: string; description?: string },
  meta: ChangeMeta,
): Promise<Feature> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(features)
      .values({ key: input.key, name: input.name, description: input.description ?? "" })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError(
        "FEATURE_EXISTS",
        { feature: input.key },
        { fieldErrors: { key: ["errors.featureExists"] } },
      );
    await recordAudit(tx, {
      hubId: null,
      ...auditFields(meta),
      action: "feature.create",
      targetType: "feature",
      targetId: row.key,
      after: { name: row.name, description: row.description },
    });
    return row;
  });
}

/** Renames or re-describes a feature (the key is permanent: code refers to it); audited. */
export function updateFeature(
  db: Database,
  key: string,
  patch: { name?: string; description?: string },
  meta: ChangeMeta,
): Promise<Feature> {
  return db.transaction(async (tx) => {
    const before = await existing(tx, key);
    const [row] = await tx
      .update(features)
      .set({
        name: patch.name ?? before.name,
        description: patch.description ?? before.description,
      })
      .where(eq(features.key, key))
      .returning();
    await recordAudit(tx, {
      hubId: null,
      ...auditFields(meta),
      action: "feature.update",
      targetType: "feature",
      targetId: key,
      before: { name: before.name, description: before.description },
      after: { name: row!.name, description: row!.description },
    });
    return row!;
  });
}

/** Removes a feature from the catalogue and from every hub that had it set up; audited. */
export function deleteFeature(db: Database, key: string, meta: ChangeMeta): Promise<void> {
  return db.transaction(async (tx) => {
    const before = await existing(tx, key);
    const settings = await tx.select().from(hubFeatures).where(eq(hubFeatures.featureKey, key));
    // hub_features rows go with it (on delete cascade).
    await tx.delete(features).where(eq(features.key, key));
    await recordAudit(tx, {
      hubId: null,
      ...auditFields(meta),
      action: "feature.delete",
      targetType: "feature",
      targetId: key,
      before: { name: before.name, description: before.description, hubs: settings.length },
    });
    // Each hub that had it set up sees the removal in its own log.
    for (const setting of settings) {
      await recordAudit(tx, {
        hubId: setting.hubId,
        ...auditFields(meta),
        action: "feature.remove",
        targetType: "feature",
        targetId: key,
        before: settingSnapshot(setting),
      });
    }
  });
}
