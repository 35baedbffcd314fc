import { guildhallTestConfig } from "@guildhall/vitest-config";
export default guildhallTestConfig({ globalSetup: ["../core/src/testing/global-setup.ts"] });
