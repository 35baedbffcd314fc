import { guildhallTestConfig } from "@guildhall/vitest-config";
export default guildhallTestConfig({ globalSetup: ["./src/testing/global-setup.ts"] });
