import base, { serverState } from "@guildhall/eslint-config";
export default [
  ...base,
  // Server-side code of the app (routes, server helpers); client components may memoise.
  serverState(["src/server/**/*.ts", "src/app/**/route.ts"]),
  { ignores: [".next/**", "test-results/**", "playwright-report/**"] },
];
