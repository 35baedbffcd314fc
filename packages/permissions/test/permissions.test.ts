import { describe, expect, it } from "vitest";
import { can, defaultRoles, grantsFrom, permissions, permissionsOfDefaultRole } from "../src";

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
    const levels = Object.values(defaultRoles).map((r) => r.level);
    expect([...levels].sort((a, b) => b - a)).toEqual(levels);
    expect(permissionsOfDefaultRole("owner")).toHaveLength(permissions.length);
    expect(permissionsOfDefaultRole("member")).not.toContain("audit.read");
  });
});
