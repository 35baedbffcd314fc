/**
 * State that must exist once per process, whatever copy of a module asks.
 * Next bundles the start-up hook, the App Router routes and the Pages Router
 * routes separately, each with its own copy of our packages' modules, so a
 * module-level `Map` would exist once per bundle: a transaction opened by one
 * copy would be unknown to another's after-commit registry, a bus attached
 * in one invisible to writers in another. Such state lives here instead, on
 * `globalThis` under a process-global symbol, created by the first caller.
 */
export function processWide<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`guildhall.${name}`);
  return (store[key] ??= create());
}
