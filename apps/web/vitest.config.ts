import { guildhallTestConfig } from "@guildhall/vitest-config";

// These tests start the production server over the build, so `pnpm test` builds first.
export default guildhallTestConfig({
  include: ["test/**/*.test.ts"],
  globalSetup: ["../../packages/core/src/testing/global-setup.ts"],
  maxWorkers: 1,
});
