// Bundles the one Node server (src/server/node/main.ts and the workspace
// packages it imports, which ship TypeScript source) into dist/server.mjs, so
// `pnpm serve`, the HTTP tests and the benchmarks start plain JavaScript
// instead of compiling the source through tsx on every start. Packages from
// node_modules stay external (loaded by Node as they are, like
// serverExternalPackages in next.config.ts). Run by `pnpm build` after `next build`.
import { build, type Plugin } from "esbuild";
import { isBuiltin } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(webDir, "dist");

/**
 * Bare imports stay external, except our own workspace packages (TypeScript
 * source), which are bundled. An external is written as the path of the file
 * esbuild resolves it to (relative to dist/): a workspace package's
 * dependencies are not resolvable from apps/web under pnpm's strict layout,
 * and Node then loads the very files (real paths) Next's build loads too.
 */
const externalPackages: Plugin = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving" || args.path.startsWith("@guildhall/")) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      const path = relative(distDir, resolved.path).split(sep).join("/");
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

await build({
  absWorkingDir: webDir,
  entryPoints: ["src/server/node/main.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  // Read with NODE_OPTIONS=--enable-source-maps; unminified, stack traces are readable without.
  legalComments: "none",
  logLevel: "warning",
  plugins: [externalPackages],
});
console.log("server bundled: dist/server.mjs");
