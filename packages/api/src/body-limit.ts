import { getEnv } from "@guildhall/core/env";
import { appRouter } from "./root";
import type { Meta } from "./meta";

interface ProcedureDef {
  _def: { meta?: Meta };
}

// Flat at run time: keyed by the full path, e.g. `users.setAvatar`.
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** Every REST route (`meta.openapi`) as a pattern over `/api/v1` paths, with its body limit. */
const restRoutes = Object.values(procedures).flatMap((procedure) => {
  const meta = procedure._def.meta;
  if (!meta?.openapi) return [];
  const pattern = meta.openapi.path
    .split("/")
    .map((part) => (/^\{.+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return [
    {
      method: meta.openapi.method,
      path: new RegExp(`^${pattern}/?$`),
      limit: meta.bodyLimitBytes ?? 0,
    },
  ];
});

/**
 * The body limit of a tRPC call (`paths`: the procedures of a batch), the
 * largest of its procedures' (`meta.bodyLimitBytes`, else BODY_LIMIT_BYTES).
 */
export function bodyLimitOf(paths: readonly string[]): number {
  const fallback = getEnv().BODY_LIMIT_BYTES;
  let limit = fallback;
  for (const path of paths)
    limit = Math.max(limit, procedures[path]?._def.meta?.bodyLimitBytes ?? fallback);
  return limit;
}

/** The body limit of a REST call: `method` and the path below `/api/v1`. */
export function restBodyLimitOf(method: string, path: string): number {
  const route = restRoutes.find((r) => r.method === method.toUpperCase() && r.path.test(path));
  return Math.max(getEnv().BODY_LIMIT_BYTES, route?.limit ?? 0);
}

/** The methods REST operations answer at `path` (below `/api/v1`): a wrong method's `Allow`. */
export function restMethodsAt(path: string): string[] {
  return [...new Set(restRoutes.filter((r) => r.path.test(path)).map((r) => r.method))];
}
