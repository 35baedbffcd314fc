import { createHub, getHubBySlug } from "@guildhall/core/hubs";
import { getStorage, isPublicFileKey } from "@guildhall/core/storage";
import { tinyPng } from "@guildhall/core/testing";
import { schema } from "@guildhall/db";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeError } from "../src";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { code } from "./support/identity";
import { useWorld } from "./support/world";

// Logos go to a folder of this test file, through the real local storage.
const uploads = mkdtempSync(join(tmpdir(), "gh-logos-"));
vi.stubEnv("UPLOAD_DIR", uploads);
afterAll(() => rmSync(uploads, { recursive: true, force: true }));

const fixture = useWorld();
const as = (role: Parameters<typeof fixture.world.caller>[0]) => fixture.world.caller(role);
beforeEach(() => resetRateLimiters());

const keyOf = (url: string) => url.replace(/^\/api\/files\//, "");

async function alpha() {
  const hub = await getHubBySlug(fixture.db.db, "alpha");
  return hub!;
}

async function auditRows(action: string) {
  return fixture.db.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.hubId, (await alpha()).id), eq(schema.auditLog.action, action)));
}

describe("hub logo", () => {
  it("stores a PNG, returns its public URL, shows it in settings and the hub list; audited", async () => {
    const png = tinyPng(5, 4);
    const result = await as("owner").hubs.uploadLogo({
      hubSlug: "alpha",
      image: `data:image/png;base64,${png.toString("base64")}`,
    });
    const hub = await alpha();
    expect(result).toMatchObject({ type: "image/png", width: 5, height: 4 });
    expect(result.logoUrl).toMatch(
      new RegExp(`^/api/files/hub-logos/${hub.id}/[0-9a-f-]{36}\\.png$`),
    );
    expect(isPublicFileKey(keyOf(result.logoUrl))).toBe(true);
    expect(hub.logoKey).toBe(keyOf(result.logoUrl));
    const stored = await getStorage().get(hub.logoKey!);
    expect(stored?.contentType).toBe("image/png");
    expect(stored?.body.equals(png)).toBe(true);

    expect((await as("guest").hubs.settings({ hubSlug: "alpha" })).logoUrl).toBe(result.logoUrl);
    // The member's own second hub, without a logo, so the list holds one to compare with.
    await createHub(fixture.db.db, {
      slug: "member-own",
      name: "Member's own",
      ownerId: fixture.world.principals.member.userId,
    });
    const mine = await as("member").hubs.listMine();
    expect(mine.items.find((h) => h.slug === "alpha")?.logoUrl).toBe(result.logoUrl);
    // The member's other hub keeps no logo.
    const others = mine.items.filter((h) => h.slug !== "alpha");
    expect(others.map((h) => [h.slug, h.logoUrl])).toEqual([["member-own", null]]);

    const [row] = await auditRows("hub.setLogo");
    expect(row).toMatchObject({
      actorId: fixture.world.principals.owner.userId,
      targetType: "hub",
      targetId: hub.id,
      before: { logoKey: null },
      after: { logoKey: hub.logoKey, type: "image/png", width: 5, height: 4 },
    });

    // A new logo replaces the file; removing it deletes the file and is audited too.
    const next = await as("admin").hubs.uploadLogo({
      hubSlug: "alpha",
      image: tinyPng(2, 2).toString("base64"),
    });
    expect(next.logoUrl).not.toBe(result.logoUrl);
    expect(await getStorage().get(keyOf(result.logoUrl))).toBeNull();
    await as("admin").hubs.removeLogo({ hubSlug: "alpha" });
    expect((await alpha()).logoKey).toBeNull();
    expect(await getStorage().get(keyOf(next.logoUrl))).toBeNull();
    expect((await as("member").hubs.settings({ hubSlug: "alpha" })).logoUrl).toBeNull();
    expect(await auditRows("hub.removeLogo")).toHaveLength(1);
    // Removing nothing is a no-op, not a second audit row.
    await as("admin").hubs.removeLogo({ hubSlug: "alpha" });
    expect(await auditRows("hub.removeLogo")).toHaveLength(1);
  });

  it("refuses a text file named .png with INVALID_IMAGE on the image field, storing nothing", async () => {
    const before = await auditRows("hub.setLogo");
    const text = Buffer.from("just some text, saved as logo.png\n").toString("base64");
    const upload = as("owner").hubs.uploadLogo({
      hubSlug: "alpha",
      image: `data:image/png;base64,${text}`,
    });
    // Fails the test if the upload is accepted (no try/catch to absorb that).
    await expect(upload).rejects.toBeInstanceOf(TRPCError);
    const body = describeError((await upload.catch((e: unknown) => e)) as TRPCError, "de", null);
    expect(body.code).toBe("INVALID_IMAGE");
    expect(body.fieldErrors.image?.[0]).toContain("PNG");
    // Not base64 at all, and an image over 4096 pixels wide, are refused the same way.
    expect(await code(as("owner").hubs.uploadLogo({ hubSlug: "alpha", image: "%%%" }))).toBe(
      "INVALID_IMAGE",
    );
    expect(
      await code(
        as("owner").hubs.uploadLogo({
          hubSlug: "alpha",
          image: tinyPng(5000, 1).toString("base64"),
        }),
      ),
    ).toBe("INVALID_IMAGE");
    expect((await alpha()).logoKey).toBeNull();
    expect(await auditRows("hub.setLogo")).toHaveLength(before.length);
  });

  it("cannot be changed by another hub's member or by members without hub.update", async () => {
    const logo = await as("owner").hubs.uploadLogo({
      hubSlug: "alpha",
      image: tinyPng().toString("base64"),
    });
    const image = tinyPng(7, 7).toString("base64");
    // The other hub's member (its owner) is told alpha does not exist, by path or x-hub header.
    expect(await code(as("otherHub").hubs.uploadLogo({ hubSlug: "alpha", image }))).toBe(
      "HUB_NOT_FOUND",
    );
    expect(await code(as("otherHub").hubs.removeLogo({ hubSlug: "alpha" }))).toBe("HUB_NOT_FOUND");
    expect(
      await code(
        fixture.world.caller("otherHub", { hub: "alpha" }).hubs.uploadLogo({
          hubSlug: "alpha",
          image,
        }),
      ),
    ).toBe("HUB_NOT_FOUND");
    for (const role of ["guest", "member", "moderator"] as const) {
      expect(await code(as(role).hubs.uploadLogo({ hubSlug: "alpha", image }))).toBe(
        "PERMISSION_DENIED",
      );
      expect(await code(as(role).hubs.removeLogo({ hubSlug: "alpha" }))).toBe("PERMISSION_DENIED");
    }
    expect((await as("member").hubs.settings({ hubSlug: "alpha" })).logoUrl).toBe(logo.logoUrl);
    expect(await getStorage().get(keyOf(logo.logoUrl))).not.toBeNull();
    // Its own hub's logo is its owner's to set.
    const beta = await as("otherHub").hubs.uploadLogo({ hubSlug: "beta", image });
    expect(beta.logoUrl).toContain(
      `/hub-logos/${(await getHubBySlug(fixture.db.db, "beta"))!.id}/`,
    );
    expect((await as("member").hubs.settings({ hubSlug: "alpha" })).logoUrl).toBe(logo.logoUrl);
  });

  it("serves only avatar and logo keys publicly", () => {
    const id = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b";
    expect(isPublicFileKey(`hub-logos/${id}/${id}.png`)).toBe(true);
    expect(isPublicFileKey(`avatars/${id}/${id}.webp`)).toBe(true);
    expect(isPublicFileKey(`sites/${id}/${id}.png`)).toBe(false);
    expect(isPublicFileKey(`hub-logos/${id}/../${id}.png`)).toBe(false);
    expect(isPublicFileKey(`hub-logos/${id}/${id}.svg`)).toBe(false);
  });
});
