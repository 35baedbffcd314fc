import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript source; Next compiles them.
  transpilePackages: [
    "@guildhall/api",
    "@guildhall/auth",
    "@guildhall/client",
    "@guildhall/core",
    "@guildhall/db",
    "@guildhall/permissions",
    "@guildhall/process-wide",
    "@guildhall/ui",
  ],
  // Loaded from node_modules at run time: WASM/native code, or packages that do not bundle well.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pino",
    "postgres",
    "swagger-ui-dist",
    "trpc-to-openapi",
  ],
};

export default config;
