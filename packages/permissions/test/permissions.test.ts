import { describe, expect, it } from "vitest";
import { can, defaultRoles, grantsFrom, permissions } from "../src";

describe("permission registry", () => {
  it("names every permission resource.action and only depends on registered ones", () => {
    const keys = new Set(permissions.map((p) => p.key));
    for (const p of permissions) {
      expect(p.key).toMatch(/^[a-z]+\.[a-z]+$/);
      for (const dependency of p.dependsOn) expect(keys.has(dependency)).toBe(true);
    }
  });

  it("grants what a permission implies", () => {
    const grants = grantsFrom(["hub.archive"]);
    expect(can(grants, "hub.update")).toBe(true);
    expect(can(grants, "hub.read")).toBe(true);
    expect(can(grants, "audit.read")).toBe(false);
  });

  it("lets super admins do everything", () => {
    expect(can(grantsFrom([], true), "role.manage")).toBe(true);
  });

  it("orders default roles and gives owners every permission", () => {
    const positions = defaultRoles.map((r) => r.position);
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);
    const of = (key: string) => grantsFrom(defaultRoles.find((r) => r.key === key)!.permissions);
    expect(of("owner").permissions.size).toBe(permissions.length);
    expect(can(of("member"), "audit.read")).toBe(false);
    expect(can(of("moderator"), "audit.read")).toBe(true);
    expect(can(of("moderator"), "role.manage")).toBe(false);
  });

  it("ignores permissions that no longer exist", () => {
    expect(grantsFrom(["gone.away", "hub.read"]).permissions).toEqual(new Set(["hub.read"]));
  });
});
