import { createHash } from "node:crypto";

/** How one hub has a feature set up (a `hub_features` row). */
export interface FeatureSetting {
  enabled: boolean;
  /** 0-100: the share of (targeted) users who get the feature. */
  rolloutPercent: number;
  /** When either list is non-empty, only holders of one of these roles or these users qualify. */
  roleIds: readonly string[];
  userIds: readonly string[];
}

/** Who asks: the user and the ids of the roles they hold in the hub. */
export interface FeatureSubject {
  userId: string;
  roleIds: readonly string[];
}

/**
 * The user's sticky bucket for a feature, 0-99: the first 4 bytes of
 * sha256("<featureKey>:<userId>") mod 100. Keying on the feature too means
 * the same users are not always first in every rollout.
 */
export function rolloutBucket(featureKey: string, userId: string): number {
  const digest = createHash("sha256").update(`${featureKey}:${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/**
 * Whether a feature is on for a user in a hub: the hub has it enabled, the user
 * is targeted (no targeting, one of the roles, or named in userIds), and their
 * bucket falls under the rollout percentage. Users named in userIds skip the
 * percentage: naming someone is a deliberate choice.
 */
export function isFeatureOn(
  featureKey: string,
  setting: FeatureSetting | null | undefined,
  subject: FeatureSubject,
): boolean {
  if (!setting?.enabled) return false;
  if (setting.userIds.includes(subject.userId)) return true;
  const targeted = setting.roleIds.length > 0 || setting.userIds.length > 0;
  if (targeted && !subject.roleIds.some((roleId) => setting.roleIds.includes(roleId))) return false;
  return rolloutBucket(featureKey, subject.userId) < setting.rolloutPercent;
}
