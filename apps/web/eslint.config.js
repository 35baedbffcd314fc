import base, { serverState } from "@guildhall/eslint-config";
export default [
  ...base,
  // Server-side code of the app (routes, server helpers); client components may memoise.
  serverState([
    "src/server/**/*.ts",
    "src/app/**/route.ts",
    "src/pages/api/**/*.ts",
    "src/instrumentation*.ts",
  ]),
  { ignores: [".next/**", "test-results/**", "playwright-report/**"] },
];
