import base from "@guildhall/eslint-config";
export default [...base, { ignores: [".next/**", "test-results/**", "playwright-report/**"] }];
