import { currentTotp, open } from "@guildhall/auth";
import {
  configSectionDefaults,
  configSectionNames,
  getConfigSection,
  getConfigSectionData,
  updateConfig,
} from "@guildhall/core/config";
import { AppError } from "@guildhall/core/errors";
import { getHubBySlug } from "@guildhall/core/hubs";
import { getAuthSecret } from "@guildhall/core/identity";
import { addMember } from "@guildhall/core/members";
import { getUserByUsername } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { TRPCError } from "@trpc/server";
import { and, count, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { describeError } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { code } from "./support/identity";
import { callerWithAuthorization, useWorld } from "./support/world";

const fixture = useWorld();
const hub = { hubSlug: "alpha" };

beforeEach(() => resetRateLimiters());

async function hubId(slug = "alpha") {
  const found = await getHubBySlug(fixture.db.db, slug);
  if (!found) throw new Error(`no hub ${slug}`);
  return found.id;
}

/** The error body a call answered (code + translated field errors). */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null);
  }
  throw new Error("expected the call to fail");
}

/** Saved versions and config audit rows of one section of alpha. */
async function trail(section: string) {
  const id = await hubId();
  const db = fixture.db.db;
  const [versions] = await db
    .select({ n: count() })
    .from(schema.configVersions)
    .where(and(eq(schema.configVersions.hubId, id), eq(schema.configVersions.section, section)));
  const [audits] = await db
    .select({ n: count() })
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.hubId, id),
        eq(schema.auditLog.targetType, "config"),
        eq(schema.auditLog.targetId, section),
        like(schema.auditLog.action, "config.%"),
      ),
    );
  return { versions: versions!.n, audits: audits!.n };
}

describe("configuration sections", () => {
  it("reads every section at its defaults until saved; moderators read but may not edit", async () => {
    const all = await fixture.world.caller("admin").config.get(hub);
    expect(all.canEdit).toBe(true);
    expect(all.sections.map((s) => s.section)).toEqual(configSectionNames);
    for (const section of all.sections) {
      expect(section).toMatchObject({ version: 0, updatedAt: null, updatedBy: null });
      expect(section.data).toEqual(configSectionDefaults(section.section));
    }
    expect(configSectionDefaults("tickets")).toMatchObject({
      enabled: true,
      categories: ["Application", "Bug", "Support"],
      transcript_enabled: true,
    });
    const moderator = fixture.world.caller("moderator");
    expect((await moderator.config.get(hub)).canEdit).toBe(false);
    const tickets = await moderator.config.getSection({ ...hub, section: "tickets" });
    expect(tickets.data).toEqual(configSectionDefaults("tickets"));
    expect(
      await code(
        moderator.config.updateSection({ ...hub, section: "tickets", data: { enabled: false } }),
      ),
    ).toBe("PERMISSION_DENIED");
  });

  it("refuses invalid fields per field, writing no version and no audit row", async () => {
    const admin = fixture.world.caller("admin");
    const before = await trail("tickets");
    const bad = await failure(
      admin.config.updateSection({
        ...hub,
        section: "tickets",
        data: { max_open_per_user: 0, enabled: "yes", surprise: 1 },
      }),
    );
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(bad.fieldErrors["data.max_open_per_user"]).toEqual(["Must be at least 1."]);
    expect(bad.fieldErrors["data.enabled"]).toEqual(["Expected true or false."]);
    expect(bad.fieldErrors.data?.[0]).toContain("surprise");
    const snowflake = await failure(
      admin.config.updateSection({ ...hub, section: "channels", data: { log_channel_id: "42" } }),
    );
    expect(Object.keys(snowflake.fieldErrors)).toEqual(["data.log_channel_id"]);
    expect(await trail("tickets")).toEqual(before);
    expect((await admin.config.getSection({ ...hub, section: "tickets" })).version).toBe(0);
  });

  it("saves a change as a new version with its diff, live for the next read", async () => {
    const admin = fixture.world.caller("admin");
    const first = await admin.config.updateSection({
      ...hub,
      section: "tickets",
      data: { max_open_per_user: 5, enabled: false },
      baseVersion: 0,
    });
    expect(first).toMatchObject({ version: 1, changed: true });
    expect(first.data).toMatchObject({ max_open_per_user: 5, enabled: false, auto_close_hours: 0 });
    // No restart, no cache: the next reader (any process) sees it.
    const live = await getConfigSection(fixture.db.db, await hubId(), "tickets");
    expect(live).toMatchObject({ version: 1, data: { max_open_per_user: 5, enabled: false } });
    const tickets = await getConfigSectionData(fixture.db.db, await hubId(), "tickets");
    expect(tickets.max_open_per_user).toBe(5);

    // Fields left out keep their value.
    const second = await admin.config.updateSection({
      ...hub,
      section: "tickets",
      data: { auto_close_hours: 48, categories: [" Bug ", "Billing"] },
    });
    expect(second.version).toBe(2);
    expect(second.data).toMatchObject({
      max_open_per_user: 5,
      auto_close_hours: 48,
      categories: ["Bug", "Billing"],
    });
    // The same data again is no change: no version.
    const same = await admin.config.updateSection({
      ...hub,
      section: "tickets",
      data: { auto_close_hours: 48 },
    });
    expect(same).toMatchObject({ version: 2, changed: false });
    // Editing an older version than the live one is a conflict.
    expect(
      await code(
        admin.config.updateSection({
          ...hub,
          section: "tickets",
          data: { enabled: true },
          baseVersion: 1,
        }),
      ),
    ).toBe("CONFLICT");

    const versions = await admin.config.listVersions({ ...hub, section: "tickets" });
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.items[1]).toMatchObject({
      diff: {
        max_open_per_user: { from: 3, to: 5 },
        enabled: { from: true, to: false },
      },
      actor: { username: "adminuser" },
    });
    expect(Object.keys(versions.items[0]!.diff).sort()).toEqual(["auto_close_hours", "categories"]);
    const paged = await admin.config.listVersions({ ...hub, section: "tickets", limit: 1 });
    expect(paged).toMatchObject({ items: [{ version: 2 }], nextCursor: 2 });
    const rest = await admin.config.listVersions({ ...hub, section: "tickets", before: 2 });
    expect(rest).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
    // Moderators may read the history.
    const seen = await fixture.world.caller("moderator").config.listVersions({
      ...hub,
      section: "tickets",
    });
    expect(seen.items).toHaveLength(2);
  });

  it("restores an older version and resets to defaults, each as a new version", async () => {
    const admin = fixture.world.caller("owner");
    const restored = await admin.config.restoreVersion({ ...hub, section: "tickets", version: 1 });
    expect(restored).toMatchObject({ version: 3, changed: true });
    expect(restored.data).toMatchObject({
      max_open_per_user: 5,
      enabled: false,
      auto_close_hours: 0,
      categories: ["Application", "Bug", "Support"],
    });
    const reset = await admin.config.resetSection({ ...hub, section: "tickets", baseVersion: 3 });
    expect(reset).toMatchObject({ version: 4, changed: true });
    expect(reset.data).toEqual(configSectionDefaults("tickets"));
    const versions = await admin.config.listVersions({ ...hub, section: "tickets" });
    expect(versions.items.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions.items[0]!.diff).toMatchObject({
      max_open_per_user: { from: 5, to: 3 },
      enabled: { from: false, to: true },
    });
    expect(versions.items[0]!.actor?.username).toBe("owneruser");
    // Resetting what is already the default changes nothing.
    expect(await admin.config.resetSection({ ...hub, section: "tickets" })).toMatchObject({
      version: 4,
      changed: false,
    });
    expect(
      await code(admin.config.restoreVersion({ ...hub, section: "tickets", version: 99 })),
    ).toBe("CONFIG_VERSION_NOT_FOUND");
  });

  it("writes one audit row per version, in the same transaction as the write", async () => {
    const admin = fixture.world.caller("admin");
    expect(await trail("tickets")).toEqual({ versions: 4, audits: 4 });
    const audit = await admin.audit.list({ ...hub, action: "config.restore" });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      targetType: "config",
      targetId: "tickets",
      before: { version: 2 },
      after: {
        version: 3,
        restoredFrom: 1,
        fields: { auto_close_hours: 0, categories: ["Application", "Bug", "Support"] },
      },
    });
    expect((await admin.audit.list({ ...hub, action: "config.update" })).items).toHaveLength(2);
    expect((await admin.audit.list({ ...hub, action: "config.reset" })).items).toHaveLength(1);

    // A write that fails inside its transaction leaves nothing behind, not
    // even the section row the write locks.
    expect(await code(admin.config.restoreVersion({ ...hub, section: "meme", version: 1 }))).toBe(
      "CONFIG_VERSION_NOT_FOUND",
    );
    const rows = await fixture.db.db
      .select()
      .from(schema.configSections)
      .where(
        and(
          eq(schema.configSections.hubId, await hubId()),
          eq(schema.configSections.section, "meme"),
        ),
      );
    expect(rows).toEqual([]);
    expect(await trail("meme")).toEqual({ versions: 0, audits: 0 });
  });

  it("keeps hubs apart: another hub's member gets HUB_NOT_FOUND and sees only their own", async () => {
    const outsider = fixture.world.caller("otherHub");
    expect(await code(outsider.config.get(hub))).toBe("HUB_NOT_FOUND");
    expect(await code(outsider.config.getSection({ ...hub, section: "tickets" }))).toBe(
      "HUB_NOT_FOUND",
    );
    expect(
      await code(
        outsider.config.updateSection({ ...hub, section: "general", data: { bot_name: "Mine" } }),
      ),
    ).toBe("HUB_NOT_FOUND");
    expect(
      await code(outsider.config.restoreVersion({ ...hub, section: "tickets", version: 1 })),
    ).toBe("HUB_NOT_FOUND");
    expect(await code(outsider.config.listVersions({ ...hub, section: "tickets" }))).toBe(
      "HUB_NOT_FOUND",
    );
    // Their own hub (beta) never saw alpha's changes.
    const own = await outsider.config.getSection({ hubSlug: "beta", section: "tickets" });
    expect(own.version).toBe(0);
    expect(
      (await outsider.config.listVersions({ hubSlug: "beta", section: "tickets" })).items,
    ).toEqual([]);
  });

  it("reads stored data through today's schema (unknown fields dropped, invalid ones defaulted)", async () => {
    await fixture.db.db.insert(schema.configSections).values({
      hubId: await hubId(),
      section: "rocket-league",
      data: { rank_check_interval_hours: 6, rank_cache_ttl_seconds: -5, retired_field: true },
      version: 7,
    });
    const section = await fixture.world
      .caller("admin")
      .config.getSection({ ...hub, section: "rocket-league" });
    expect(section).toMatchObject({ version: 7 });
    expect(section.data).toEqual({ rank_check_interval_hours: 6, rank_cache_ttl_seconds: 10_500 });
  });
});

describe("config.update (several sections)", () => {
  it("saves each changed section as a version in one transaction; one bad field saves nothing", async () => {
    const admin = fixture.world.caller("admin");
    const saved = await admin.config.update({
      ...hub,
      sections: {
        general: { bot_name: "Alpha Bot" },
        welcome: { welcome_messages: ["Hi {name}"] },
      },
    });
    expect(saved.sections.map((s) => [s.section, s.version, s.changed])).toEqual([
      ["general", 1, true],
      ["welcome", 1, true],
    ]);
    const bad = await failure(
      admin.config.update({
        ...hub,
        sections: { general: { bot_name: "Beta Bot" }, welcome: { welcome_messages: [""] } },
      }),
    );
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(bad.fieldErrors)).toEqual(["sections.welcome.welcome_messages.0"]);
    expect(await code(admin.config.update({ ...hub, sections: { nope: { a: 1 } } as never }))).toBe(
      "VALIDATION_FAILED",
    );

    // Core checks the same rules for direct callers, before any write.
    const direct = await updateConfig(
      fixture.db.db,
      { hubId: await hubId(), userId: null },
      { general: { bot_name: "Gamma Bot" }, welcome: { welcome_messages: [""], extra: 1 } },
    ).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(AppError);
    expect((direct as AppError).code).toBe("VALIDATION_FAILED");
    expect((direct as AppError).fieldErrors).toEqual({
      "welcome.welcome_messages.0": ["validation.invalid"],
      "welcome._": ["validation.invalid"],
    });
    const general = await admin.config.getSection({ ...hub, section: "general" });
    expect(general).toMatchObject({ version: 1, data: { bot_name: "Alpha Bot" } });
    expect(await trail("general")).toEqual({ versions: 1, audits: 1 });
  });
});

describe("config.reload", () => {
  it("re-reads every section; with MFA on it needs a recent MFA check", async () => {
    const username = "configadmin";
    const password = "correct horse battery staple";
    const anon = () => callerWithAuthorization(fixture.db, null, "10.8.0.1");
    await (await anon()).auth.register({ username, email: `${username}@example.test`, password });
    const user = await getUserByUsername(fixture.db.db, username);
    await addMember(fixture.db.db, { hubId: await hubId(), userId: user!.id, roleKey: "admin" });
    const login = await (await anon()).auth.login({ login: username, password });
    if (login.mfaRequired) throw new Error("unexpected MFA");
    const as = (token: string) => callerWithAuthorization(fixture.db, `Bearer ${token}`);

    // MFA off: no check needed.
    const reloaded = await (await as(login.accessToken)).config.reload(hub);
    expect(reloaded.sections.map((s) => s.section)).toEqual(configSectionNames);
    expect(reloaded.sections.find((s) => s.section === "tickets")?.version).toBe(4);

    // MFA on: enabling it counts as a fresh check for this session.
    const me = await as(login.accessToken);
    await me.mfa.setup();
    const pending = await getUserByUsername(fixture.db.db, username);
    const secret = open(pending!.mfaPendingSecret!, await getAuthSecret(fixture.db.db), "totp");
    const at = Math.floor(Date.now() / 1000); // an explicit time step
    const { recoveryCodes } = await me.mfa.enable({ code: await currentTotp(secret, at) });
    expect(await code((await as(login.accessToken)).config.reload(hub))).toBe("ok");

    // An hour later the check is stale.
    await fixture.db.db
      .update(schema.authSessions)
      .set({ mfaVerifiedAt: new Date(Date.now() - 60 * 60_000) })
      .where(eq(schema.authSessions.id, login.sessionId));
    const stale = await as(login.accessToken);
    expect(await code(stale.config.reload(hub))).toBe("MFA_REQUIRED");
    // Reading and writing sections is not gated; only the reload is.
    expect(await code(stale.config.get(hub))).toBe("ok");
    await stale.mfa.verify({ code: recoveryCodes[0]! });
    expect(await code((await as(login.accessToken)).config.reload(hub))).toBe("ok");

    const audit = await fixture.world
      .caller("admin")
      .audit.list({ ...hub, action: "config.reload" });
    expect(audit.items).toHaveLength(3);
    expect(audit.items[0]).toMatchObject({
      actorId: user!.id,
      targetType: "config",
      after: { versions: { tickets: 4, general: 1 } },
    });
  });
});
