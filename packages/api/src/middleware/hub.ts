import { hubAccess, type HubStanding } from "@guildhall/core/access";
import { AppError } from "@guildhall/core/errors";
import { enforceRoleQuota } from "./rate-limit";
import { authedProcedure } from "../trpc";

/** The hub a request acts in, with the caller's roles and resolved grants there. */
export interface HubScope extends HubStanding {
  id: string;
  slug: string;
  name: string;
  /** The hub's logo in storage, if it has one. */
  logoKey: string | null;
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
    // The hub, the membership and the roles in one query (every hub request pays for it).
    const found = await hubAccess(ctx.db, { slug }, ctx.principal);
    if (!found) throw new AppError("HUB_NOT_FOUND", { hub: slug });
    const { hub, standing } = found;
    await enforceRoleQuota(ctx, hub.id, standing.role);
    const { id, name, logoKey } = hub;
    const scope: HubScope = { id, slug: hub.slug, name, logoKey, ...standing };
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
