import { describe, expect, it, vi } from "vitest";

describe("processWide", () => {
  it("hands every copy of a module the same state, created once", async () => {
    const first = await import("../src/index");
    vi.resetModules();
    const second = await import("../src/index");
    expect(second).not.toBe(first); // two module instances, as two Next bundles have
    const create = vi.fn(() => ({ count: 0 }));
    const a = first.processWide("test.counter", create);
    a.count += 1;
    const b = second.processWide("test.counter", create);
    expect(b).toBe(a);
    expect(b.count).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("keeps different names apart", async () => {
    const { processWide } = await import("../src/index");
    expect(processWide("test.one", () => ({ n: 1 }))).not.toBe(
      processWide("test.two", () => ({ n: 2 })),
    );
  });
});
