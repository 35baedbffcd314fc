import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isFeatureOn, rolloutBucket, type FeatureSetting } from "../src/features";

const everyone: FeatureSetting = { enabled: true, rolloutPercent: 100, roleIds: [], userIds: [] };
/** 10,000 ids that differ only in their last digits: the hardest case for a weak hash, and the same on every run. */
const ids = Array.from(
  { length: 10_000 },
  (_, i) => `0190a1b2-c3d4-7e5f-8a6b-${i.toString(16).padStart(12, "0")}`,
);

describe("rollout buckets", () => {
  it("spreads users evenly: 30 % gets 28-32 % of 10,000 ids", () => {
    const on = ids.filter((id) =>
      isFeatureOn("beta.chat", { ...everyone, rolloutPercent: 30 }, { userId: id, roleIds: [] }),
    );
    expect(on.length).toBeGreaterThanOrEqual(2_800);
    expect(on.length).toBeLessThanOrEqual(3_200);
  });

  it("fills every bucket 0-99 roughly equally", () => {
    const counts = new Array<number>(100).fill(0);
    for (const id of ids) counts[rolloutBucket("beta.chat", id)]! += 1;
    // 100 per bucket expected; a fair hash stays well inside 50-150.
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });

  it("is sticky: the same user and feature always land in the same bucket", () => {
    // Pinned values (computed with Python's hashlib, not this package): the bucket must never
    // change between processes or releases, or users would flip in and out of a rollout.
    expect(rolloutBucket("beta.chat", "00000000-0000-7000-8000-000000000001")).toBe(97);
    expect(rolloutBucket("beta.chat", "00000000-0000-7000-8000-000000000002")).toBe(14);
    expect(ids.slice(0, 8).map((id) => rolloutBucket("beta.chat", id))).toEqual([
      5, 68, 58, 72, 84, 95, 65, 60,
    ]);
    expect(ids.slice(0, 6).map((id) => rolloutBucket("f", id))).toEqual([67, 12, 9, 58, 32, 99]);
  });

  it("only grows when the percentage rises: users who had it keep it", () => {
    const at = (percent: number) =>
      new Set(
        ids.filter((id) =>
          isFeatureOn(
            "beta.chat",
            { ...everyone, rolloutPercent: percent },
            { userId: id, roleIds: [] },
          ),
        ),
      );
    const ten = at(10);
    const forty = at(40);
    for (const id of ten) expect(forty.has(id)).toBe(true);
    expect(at(0).size).toBe(0);
    expect(at(100).size).toBe(ids.length);
  });

  it("differs per feature, so the same users are not always first", () => {
    const first = ids.filter((id) => rolloutBucket("feature.a", id) < 10);
    const second = new Set(ids.filter((id) => rolloutBucket("feature.b", id) < 10));
    const both = first.filter((id) => second.has(id)).length;
    // Independent 10 % samples overlap on about 1 % of users, not 10 %.
    expect(both).toBeLessThan(300);
  });
});

describe("isFeatureOn", () => {
  const user = randomUUID();
  const role = randomUUID();
  const otherRole = randomUUID();

  it("is off when the hub has no setting or has it disabled", () => {
    expect(isFeatureOn("f", null, { userId: user, roleIds: [] })).toBe(false);
    expect(isFeatureOn("f", { ...everyone, enabled: false }, { userId: user, roleIds: [] })).toBe(
      false,
    );
    expect(
      isFeatureOn(
        "f",
        { ...everyone, enabled: false, userIds: [user] },
        { userId: user, roleIds: [] },
      ),
    ).toBe(false);
  });

  it("is on for everyone without targeting at 100 %", () => {
    expect(isFeatureOn("f", everyone, { userId: user, roleIds: [] })).toBe(true);
  });

  it("with role targeting, is on only for holders of one of the roles", () => {
    const setting = { ...everyone, roleIds: [role] };
    expect(isFeatureOn("f", setting, { userId: user, roleIds: [otherRole, role] })).toBe(true);
    expect(isFeatureOn("f", setting, { userId: user, roleIds: [otherRole] })).toBe(false);
    expect(isFeatureOn("f", setting, { userId: user, roleIds: [] })).toBe(false);
  });

  it("with user targeting only, others are out even without role targeting", () => {
    const setting = { ...everyone, userIds: [randomUUID()] };
    expect(isFeatureOn("f", setting, { userId: user, roleIds: [role] })).toBe(false);
  });

  it("named users skip the percentage; role holders do not", () => {
    const outside = ids[0]!; // bucket 67 of "f" (pinned above): outside a 50 % rollout
    const setting = { ...everyone, rolloutPercent: 50, roleIds: [role] };
    expect(isFeatureOn("f", setting, { userId: outside, roleIds: [role] })).toBe(false);
    expect(
      isFeatureOn("f", { ...setting, userIds: [outside] }, { userId: outside, roleIds: [] }),
    ).toBe(true);
    expect(
      isFeatureOn(
        "f",
        { ...everyone, rolloutPercent: 0, userIds: [outside] },
        { userId: outside, roleIds: [] },
      ),
    ).toBe(true);
  });
});
