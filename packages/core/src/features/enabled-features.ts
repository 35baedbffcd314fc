import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { isFeatureOn } from "./evaluate";

const { hubFeatures, hubMemberRoles } = schema;

export interface FeatureQuery {
  hubId: string;
  userId: string;
  /** The user's role ids in the hub when the caller has them already (else read from hub_member_roles). */
  roleIds?: readonly string[];
}

async function roleIdsOf(db: DbOrTx, query: FeatureQuery): Promise<readonly string[]> {
  if (query.roleIds) return query.roleIds;
  const rows = await db
    .select({ roleId: hubMemberRoles.roleId })
    .from(hubMemberRoles)
    .where(and(eq(hubMemberRoles.hubId, query.hubId), eq(hubMemberRoles.userId, query.userId)));
  return rows.map((row) => row.roleId);
}

/** The keys of every feature that is on for the user in the hub, sorted. */
export async function enabledFeatureKeys(db: DbOrTx, query: FeatureQuery): Promise<string[]> {
  const settings = await db
    .select()
    .from(hubFeatures)
    .where(and(eq(hubFeatures.hubId, query.hubId), eq(hubFeatures.enabled, true)));
  if (settings.length === 0) return [];
  const subject = { userId: query.userId, roleIds: await roleIdsOf(db, query) };
  return settings
    .filter((setting) => isFeatureOn(setting.featureKey, setting, subject))
    .map((setting) => setting.featureKey)
    .sort();
}

/** Whether one feature is on for the user in the hub (an unknown key is off). */
export async function isFeatureEnabled(
  db: DbOrTx,
  query: FeatureQuery & { featureKey: string },
): Promise<boolean> {
  const [setting] = await db
    .select()
    .from(hubFeatures)
    .where(and(eq(hubFeatures.hubId, query.hubId), eq(hubFeatures.featureKey, query.featureKey)))
    .limit(1);
  if (!setting?.enabled) return false;
  return isFeatureOn(query.featureKey, setting, {
    userId: query.userId,
    roleIds: await roleIdsOf(db, query),
  });
}
