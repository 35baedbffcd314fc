import { guildhallTestConfig } from "@guildhall/vitest-config";
export default guildhallTestConfig();
