/**
 * The Guildhall server: `node dist/server.mjs` (its bundle, made by `pnpm build`) or
 * `node --import tsx src/server/node/main.ts --dev`
 * (`pnpm serve`, `pnpm dev`). Production unless `--dev`; the mode is settled
 * before anything reads the environment, as `next start` / `next dev` do.
 */
const dev = process.argv.includes("--dev");
// eslint-disable-next-line no-restricted-properties -- the mode must be set before settings are read
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
const { serve } = await import("./serve");
await serve({ dev });
