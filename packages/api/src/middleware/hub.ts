import { AppError, getHubBySlug, getMembership } from "@guildhall/core";
import {
  grantsFrom,
  isDefaultRole,
  permissionsOfDefaultRole,
  type Grants,
} from "@guildhall/permissions";
import { authedProcedure } from "../trpc";

/** The hub a request acts in, with the caller's role and resolved grants there. */
export interface HubScope {
  id: string;
  slug: string;
  name: string;
  role: string | null;
  grants: Grants;
}

function requestedSlug(rawInput: unknown, header: string | null): string | null {
  if (rawInput && typeof rawInput === "object" && "hubSlug" in rawInput) {
    const value = (rawInput as { hubSlug?: unknown }).hubSlug;
    if (typeof value === "string" && value.trim()) return value.trim().toLowerCase();
  }
  return header;
}

/**
 * Resolves the hub from the input's `hubSlug` (REST path) or the `x-hub`
 * header, on the server, and checks membership. A hub the caller does not
 * belong to reads as not found, so its existence is not revealed.
 */
export const hubProcedure = authedProcedure
  .meta({ access: { kind: "hub" } })
  .use(async ({ ctx, next, getRawInput }) => {
    const rawInput = await getRawInput();
    const slug = requestedSlug(rawInput, ctx.hubHeader);
    if (!slug) throw new AppError("HUB_REQUIRED");
    const hub = await getHubBySlug(ctx.db, slug);
    const membership = hub ? await getMembership(ctx.db, hub.id, ctx.principal.userId) : undefined;
    if (!hub || (!membership && !ctx.principal.superAdmin))
      throw new AppError("HUB_NOT_FOUND", { hub: slug });
    const role = membership?.role ?? null;
    const granted = role && isDefaultRole(role) ? permissionsOfDefaultRole(role) : [];
    const scope: HubScope = {
      id: hub.id,
      slug: hub.slug,
      name: hub.name,
      role,
      grants: grantsFrom(granted, ctx.principal.superAdmin),
    };
    // Procedures declare `hubSlug` in their input (it is the REST path parameter);
    // a hub named by header is filled in so both ways validate the same.
    const withSlug =
      rawInput === undefined ||
      (typeof rawInput === "object" && rawInput !== null && !("hubSlug" in rawInput));
    return next({
      ctx: { ...ctx, hub: scope },
      ...(withSlug ? { getRawInput: () => Promise.resolve({ ...rawInput, hubSlug: slug }) } : {}),
    });
  });
