import type { ViteUserConfig } from "vitest/config";
export declare function guildhallTestConfig(overrides?: ViteUserConfig["test"]): ViteUserConfig;
