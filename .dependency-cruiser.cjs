// Architecture boundaries, checked by `pnpm lint` (dependency-cruiser). See ARCHITECTURE.md.
//
// Packages, bottom up: permissions, auth, db -> core -> api -> client, ui -> apps/web.
// Inside core: the access kernel and the infrastructure folders at the bottom; every other
// folder is a domain that reaches another domain only through its index.ts.
const core = "^packages/core/src/";
/** Kernel and infrastructure: what every domain may import, and which import no domain. */
const base = "(access|errors|i18n|storage|mail|realtime|env\\.ts|logger\\.ts|version\\.ts)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles (type-only imports included) make layers meaningless.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment:
        "An import that does not resolve: a typo, or a package of ours that is not a declared dependency (pnpm links only those), e.g. core importing @guildhall/api.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "core-domain-internals",
      severity: "error",
      comment:
        "A core domain reaches another domain only through that domain's index.ts (its public entry).",
      from: { path: `${core}([^/]+)/` },
      to: { path: `${core}[^/]+/`, pathNot: [`${core}$1/`, `${core}[^/]+/index\\.ts$`] },
    },
    {
      name: "core-base-imports-no-domain",
      severity: "error",
      comment: "The kernel and infrastructure sit below every domain: they import none of them.",
      from: { path: `${core}${base}` },
      to: { path: core, pathNot: `${core}${base}` },
    },
    {
      name: "db-is-a-leaf",
      severity: "error",
      comment: "db holds the schema and the client; it imports no package of ours above it.",
      from: { path: "^packages/(db|permissions|auth|process-wide)/" },
      to: { path: "^(packages/(core|api|client|ui)|apps)/" },
    },
    {
      name: "process-wide-is-the-bottom",
      severity: "error",
      comment: "process-wide is imported by every server package, so it imports none of ours.",
      from: { path: "^packages/process-wide/" },
      to: { path: "^(packages|apps)/", pathNot: "^packages/process-wide/" },
    },
    {
      name: "core-below-api",
      severity: "error",
      comment: "core holds the rules; transports (api) and apps sit above it.",
      from: { path: "^packages/core/" },
      to: { path: "^(packages/(api|client|ui)|apps)/" },
    },
    {
      name: "api-below-apps",
      severity: "error",
      comment: "api is the procedures; the client, the UI kit and the apps sit above it.",
      from: { path: "^packages/api/" },
      to: { path: "^(packages/(client|ui)|apps)/" },
    },
    {
      name: "client-and-ui-below-apps",
      severity: "error",
      from: { path: "^packages/(client|ui)/" },
      to: { path: "^apps/" },
    },
    {
      name: "web-pages-through-the-api",
      severity: "error",
      comment:
        "Pages, layouts, server actions and components reach data through the API (src/server/caller.ts); from core they import pure helpers only (i18n, errors, env, config section schemas).",
      from: {
        path: "^apps/web/src/",
        pathNot: "^apps/web/src/(server/|app/api/|instrumentation|proxy\\.ts)",
      },
      to: {
        path: "^packages/core/src/",
        pathNot: "^packages/core/src/(i18n/|errors/|env\\.ts$|config/sections\\.ts$)",
      },
    },
    {
      name: "web-server-no-core-domains",
      severity: "error",
      comment:
        "The web server's transport code (request context, next-auth, HTTP routes, start-up) uses core's infrastructure and identity (who the caller is); a domain's rules run in procedures.",
      from: { path: "^apps/web/src/(server/|app/api/|instrumentation|proxy\\.ts)" },
      to: {
        path: "^packages/core/src/",
        pathNot:
          "^packages/core/src/(i18n/|errors/|env\\.ts$|logger\\.ts$|version\\.ts$|config/sections\\.ts$|runtime/|realtime/|storage/|health/|scheduler/|identity/)",
      },
    },
    {
      name: "no-deep-package-imports",
      severity: "error",
      comment: "Packages are used through their package.json exports, never by relative paths.",
      from: { path: "^(packages/[^/]+|apps/[^/]+)/" },
      // Workspace imports resolve to real paths too; only relative ones are caught here.
      // (A tsconfig `paths` alias names a package, as the boundary test's tree does.)
      to: {
        path: "^(packages|apps)/",
        pathNot: "^$1/",
        dependencyTypes: ["local"],
        dependencyTypesNot: ["aliased-tsconfig-paths"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["\\.next/", "/dist/", "\\.generated\\."] },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: "tsconfig.depcruise.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    reporterOptions: {
      dot: { collapsePattern: "^(packages/core/src/[^/]+|packages/[^/]+|apps/[^/]+)/" },
    },
  },
};
