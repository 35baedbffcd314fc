import type { FeatureSetting } from "./evaluate";

/** Who made a change and from where, for its audit row. */
export interface ChangeMeta {
  actorId: string;
  ip?: string | null;
  requestId?: string | null;
}

export function auditFields(meta: ChangeMeta) {
  return { actorId: meta.actorId, ip: meta.ip ?? null, requestId: meta.requestId ?? null };
}

/** A hub's setting as it goes into an audit row's before/after. */
export function settingSnapshot(setting: FeatureSetting) {
  return {
    enabled: setting.enabled,
    rolloutPercent: setting.rolloutPercent,
    roleIds: [...setting.roleIds],
    userIds: [...setting.userIds],
  };
}
