import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError, type FieldErrors } from "../errors";
import { auditFields, settingSnapshot, type ChangeMeta } from "./audit-meta";
import type { FeatureSetting } from "./evaluate";

const { features, hubFeatures, hubRoles, hubMemberships, users } = schema;

/** A catalogue feature as one hub has it; never set up = off, 100 %, no targeting. */
export interface HubFeature extends FeatureSetting {
  key: string;
  name: string;
  description: string;
  configured: boolean;
  roleIds: string[];
  userIds: string[];
  updatedAt: Date | null;
}

function hubFeature(
  feature: { key: string; name: string; description: string },
  setting: typeof hubFeatures.$inferSelect | null,
): HubFeature {
  return {
    key: feature.key,
    name: feature.name,
    description: feature.description,
    configured: setting !== null,
    enabled: setting?.enabled ?? false,
    rolloutPercent: setting?.rolloutPercent ?? 100,
    roleIds: setting?.roleIds ?? [],
    userIds: setting?.userIds ?? [],
    updatedAt: setting?.updatedAt ?? null,
  };
}

/**
 * Every catalogue feature with the hub's setting, plus what an editor needs to
 * show the targeting: the hub's roles and the names of the targeted users.
 */
export async function listHubFeatures(db: DbOrTx, hubId: string) {
  const rows = await db
    .select({ feature: features, setting: hubFeatures })
    .from(features)
    .leftJoin(
      hubFeatures,
      and(eq(hubFeatures.featureKey, features.key), eq(hubFeatures.hubId, hubId)),
    )
    .orderBy(asc(features.key));
  const items = rows.map((row) => hubFeature(row.feature, row.setting));
  const roles = await db
    .select({
      id: hubRoles.id,
      key: hubRoles.key,
      name: hubRoles.name,
      position: hubRoles.position,
    })
    .from(hubRoles)
    .where(eq(hubRoles.hubId, hubId))
    .orderBy(desc(hubRoles.position));
  const userIds = [...new Set(items.flatMap((item) => item.userIds))];
  const named = userIds.length
    ? await db
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(inArray(users.id, userIds))
        .orderBy(asc(users.username))
    : [];
  return { items, roles, users: named };
}

/** Ids among `wanted` that the query does not find in the hub. */
function missing(wanted: string[], found: { id: string }[]): boolean {
  const ids = new Set(found.map((row) => row.id));
  return wanted.some((id) => !ids.has(id));
}

/** Targeting may name only this hub's roles and members (another hub's ids are refused). */
async function checkTargets(tx: DbOrTx, hubId: string, roleIds: string[], userIds: string[]) {
  const fieldErrors: FieldErrors = {};
  if (roleIds.length) {
    const found = await tx
      .select({ id: hubRoles.id })
      .from(hubRoles)
      .where(and(eq(hubRoles.hubId, hubId), inArray(hubRoles.id, roleIds)));
    if (missing(roleIds, found)) fieldErrors.roleIds = ["validation.unknownRole"];
  }
  if (userIds.length) {
    const found = await tx
      .select({ id: hubMemberships.userId })
      .from(hubMemberships)
      .where(and(eq(hubMemberships.hubId, hubId), inArray(hubMemberships.userId, userIds)));
    if (missing(userIds, found)) fieldErrors.userIds = ["validation.notMember"];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION_FAILED", {}, { fieldErrors });
}

/** Sets up a feature for a hub (on/off, rollout, targeting), replacing what was there; audited. */
export function setHubFeature(
  db: Database,
  input: { hubId: string; featureKey: string } & FeatureSetting,
  meta: ChangeMeta,
): Promise<HubFeature> {
  const roleIds = [...new Set(input.roleIds)];
  const userIds = [...new Set(input.userIds)];
  return db.transaction(async (tx) => {
    const [feature] = await tx
      .select()
      .from(features)
      .where(eq(features.key, input.featureKey))
      .limit(1);
    if (!feature) throw new AppError("FEATURE_NOT_FOUND", { feature: input.featureKey });
    await checkTargets(tx, input.hubId, roleIds, userIds);
    const [before] = await tx
      .select()
      .from(hubFeatures)
      .where(and(eq(hubFeatures.hubId, input.hubId), eq(hubFeatures.featureKey, feature.key)))
      .limit(1);
    const values = {
      enabled: input.enabled,
      rolloutPercent: input.rolloutPercent,
      roleIds,
      userIds,
    };
    const [row] = await tx
      .insert(hubFeatures)
      .values({ hubId: input.hubId, featureKey: feature.key, ...values })
      .onConflictDoUpdate({
        target: [hubFeatures.hubId, hubFeatures.featureKey],
        set: { ...values, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, {
      hubId: input.hubId,
      ...auditFields(meta),
      action: "feature.set",
      targetType: "feature",
      targetId: feature.key,
      before: before ? settingSnapshot(before) : null,
      after: settingSnapshot(row!),
    });
    return hubFeature(feature, row!);
  });
}
