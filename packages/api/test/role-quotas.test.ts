import { getEnv } from "@guildhall/core/env";
import { type TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { describeError } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { useWorld } from "./support/world";

const fixture = useWorld();
beforeEach(() => resetRateLimiters());

describe("role-based quotas", () => {
  it("caps guests at their daily quota in a hub (seed 001: 24 a day), not other roles", async () => {
    const quota = getEnv().RATE_LIMIT_ROLE_QUOTAS.guest!;
    expect(quota).toEqual({ points: 24, seconds: 86_400 });
    const guest = fixture.world.caller("guest");
    for (let i = 0; i < quota.points; i++) await guest.hubs.settings({ hubSlug: "alpha" });
    const refused = await guest.hubs.settings({ hubSlug: "alpha" }).then(
      () => null,
      (error: unknown) => describeError(error as TRPCError, "en", null),
    );
    expect(refused).toMatchObject({ code: "RATE_LIMITED", details: { global: false } });
    expect((refused!.details as { retry_after: number }).retry_after).toBeGreaterThan(86_000);
    // Members have no role quota here; the guest's quota is per hub, and calls outside hubs pass.
    const member = fixture.world.caller("member");
    for (let i = 0; i < quota.points + 5; i++) await member.hubs.settings({ hubSlug: "alpha" });
    await guest.users.me();
  });
});
